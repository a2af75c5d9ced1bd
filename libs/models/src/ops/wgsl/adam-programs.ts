/**
 * @module WGSL programs of one Adam step for one variable of `n` parameters: the moments
 * (m and v packed in one `[2n]` tensor) and the parameters — two dispatches per variable, where
 * `tf.train.adam` launches about a dozen. The update is PyTorch's `torch.optim.Adam`
 * (bias-corrected, ε added to √v̂), as in host-adam.ts.
 */
import type { ProgramSpec } from './run-program.js';

/**
 * `[2n]`: m' = β₁m + (1 − β₁)g (first n), v' = β₂v + (1 − β₂)g² (last n), from `g` and
 * `mv` = [m, v]. 1 − β comes as its own uniform, computed in float64: in float32, 1 − 0.999
 * is off by 1.3e-5 relative, a bias every step of v would carry.
 */
export function adamMomentsProgram(n: number): ProgramSpec {
  return {
    key: 'adam_moments',
    variableNames: ['g', 'mv'],
    outputShape: [2 * n],
    uniforms: 'n : i32, beta1 : f32, beta2 : f32, keep1 : f32, keep2 : f32,',
    layout: 'elementwise',
    code: `
fn main(index : i32) {
  if (index < uniforms.size) {
    if (index < uniforms.n) {
      setOutputAtIndex(index, uniforms.beta1 * mv[index] + uniforms.keep1 * g[index]);
    } else {
      let grad = g[index - uniforms.n];
      setOutputAtIndex(index, uniforms.beta2 * mv[index] + uniforms.keep2 * grad * grad);
    }
  }
}`,
  };
}

/** `[n]`: p − stepSize · m / (√(v · invC2) + ε), from `p` and the new `mv`. */
export function adamParamsProgram(n: number): ProgramSpec {
  return {
    key: 'adam_params',
    variableNames: ['p', 'mv'],
    outputShape: [n],
    uniforms: 'n : i32, stepSize : f32, invC2 : f32, epsilon : f32,',
    layout: 'elementwise',
    code: `
fn main(index : i32) {
  if (index < uniforms.size) {
    let m = mv[index];
    let v = mv[uniforms.n + index];
    setOutputAtIndex(index, p[index] - uniforms.stepSize * m / (sqrt(v * uniforms.invC2) + uniforms.epsilon));
  }
}`,
  };
}
