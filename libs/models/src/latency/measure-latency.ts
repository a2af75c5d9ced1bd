/**
 * @module The timing loop of the latency benchmark: warm up, then time single calls with the
 * monotonic high-resolution clock until a run count or a time budget is reached, and reduce the
 * samples to percentiles in microseconds.
 */

/** Percentiles of one measured configuration, in microseconds. */
export interface LatencyStats {
  readonly runs: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly meanUs: number;
  readonly minUs: number;
}

/** Limits of {@link measureLatency}. */
export interface MeasureOptions {
  /** Untimed calls first (JIT, caches, lazy allocations). Default 200. */
  readonly warmup?: number;
  /** Stop after this many timed calls. Default 5,000. */
  readonly maxRuns?: number;
  /** …or once this much time has been spent timing, but never before `minRuns`. Default 3,000 ms. */
  readonly budgetMs?: number;
  /** Default 200. */
  readonly minRuns?: number;
}

/**
 * Times `call` repeatedly.
 *
 * @example
 * ```ts
 * const stats = await measureLatency(() => session.run(window, 1), { maxRuns: 5000 });
 * console.log(stats.p50Us);
 * ```
 */
export async function measureLatency(call: () => Promise<unknown>, options: MeasureOptions = {}): Promise<LatencyStats> {
  const warmup = options.warmup ?? 200;
  const maxRuns = options.maxRuns ?? 5000;
  const budgetNs = BigInt(Math.round((options.budgetMs ?? 3000) * 1e6));
  const minRuns = Math.min(options.minRuns ?? 200, maxRuns);
  for (let i = 0; i < warmup; i++) await call();
  const samples = new Float64Array(maxRuns);
  let runs = 0;
  const start = process.hrtime.bigint();
  while (runs < maxRuns) {
    const t0 = process.hrtime.bigint();
    await call();
    const t1 = process.hrtime.bigint();
    samples[runs++] = Number(t1 - t0) / 1000;
    if (runs >= minRuns && t1 - start > budgetNs) break;
  }
  const sorted = samples.slice(0, runs).sort();
  return {
    runs,
    p50Us: percentile(sorted, 50),
    p99Us: percentile(sorted, 99),
    meanUs: sorted.reduce((a, b) => a + b, 0) / runs,
    minUs: sorted[0]!,
  };
}

/**
 * Percentile of ascending samples by linear interpolation between closest ranks (NumPy's default).
 *
 * @example
 * ```ts
 * percentile(Float64Array.of(1, 2, 3, 4), 50); // 2.5
 * ```
 */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) throw new RangeError('no samples');
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}
