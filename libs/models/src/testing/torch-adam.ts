/** @module Test support: `torch.optim.Adam` written out, the reference both Adam implementations are checked against. */

/**
 * Parameters after `steps` steps of torch.optim.Adam(lr = 0.1) minimising sum((p − 0.5)²) from
 * p0 = [1, −2, 3].
 *
 * @example
 * torchAdam(10); // [p0, p1, p2] after ten steps
 */
export function torchAdam(steps: number): number[] {
  const p = [1, -2, 3];
  const t = 0.5;
  const m = [0, 0, 0];
  const v = [0, 0, 0];
  for (let s = 1; s <= steps; s++) {
    for (let i = 0; i < 3; i++) {
      const g = 2 * (p[i]! - t);
      m[i] = 0.9 * m[i]! + 0.1 * g;
      v[i] = 0.999 * v[i]! + 0.001 * g * g;
      p[i] = p[i]! - (0.1 * (m[i]! / (1 - 0.9 ** s))) / (Math.sqrt(v[i]! / (1 - 0.999 ** s)) + 1e-8);
    }
  }
  return p;
}
