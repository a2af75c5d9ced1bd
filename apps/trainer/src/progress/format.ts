/** @module Small formatters for progress lines: durations and text bars. */

/**
 * `42s`, `3m05s`, `1h02m`; `–` when unknown.
 *
 * @example
 * formatDuration(185_000); // '3m05s'
 */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * A fixed-width bar for a fraction in [0, 1].
 *
 * @example
 * bar(0.5, 8); // '████░░░░'
 */
export function bar(fraction: number, width: number): string {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const full = Math.round(f * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}
