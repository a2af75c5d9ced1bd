/** @module Number formatting shared by the report's tables and captions. */

/**
 * Returns `value` when it is a finite number, otherwise `fallback` (JSON turns NaN into null).
 *
 * @example
 * ```ts
 * finiteOr(null, 0); // 0
 * ```
 */
export function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * Formats a number with fixed decimals, or an en dash when it is not finite.
 *
 * @example
 * ```ts
 * fixed(0.41234, 3); // '0.412'
 * ```
 */
export function fixed(value: unknown, digits: number): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/**
 * Formats a mean ± sd pair; a missing sd (one fold) is shown as ± 0.
 *
 * @example
 * ```ts
 * meanSd({ mean: 0.4, sd: 0.02 }, 3); // '0.400 ± 0.020'
 * ```
 */
export function meanSd(value: { readonly mean: number; readonly sd: number } | undefined, digits: number): string {
  if (value === undefined) return '–';
  return `${fixed(value.mean, digits)} ± ${fixed(finiteOr(value.sd, 0), digits)}`;
}

/**
 * Formats milliseconds as a short duration (`850 ms`, `12.3 s`, `4 min 05 s`).
 *
 * @example
 * ```ts
 * duration(245_000); // '4 min 05 s'
 * ```
 */
export function duration(ms: unknown): string {
  const v = finiteOr(ms, Number.NaN);
  if (!Number.isFinite(v)) return '–';
  if (v < 1000) return `${Math.round(v)} ms`;
  if (v < 60_000) return `${(v / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(v / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/**
 * Formats a byte count as B, KB or MB (powers of 1024).
 *
 * @example
 * ```ts
 * bytes(24_576); // '24.0 KB'
 * ```
 */
export function bytes(value: number): string {
  if (value < 1024) return `${Math.round(value)} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * Formats an integer with thin thousands separators (locale-independent).
 *
 * @example
 * ```ts
 * integer(123456); // '123 456'
 * ```
 */
export function integer(value: unknown): string {
  const v = finiteOr(value, Number.NaN);
  if (!Number.isFinite(v)) return '–';
  return Math.round(v)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}
