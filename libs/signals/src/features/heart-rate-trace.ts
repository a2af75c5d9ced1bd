/**
 * @module Instantaneous heart rate from R-peak times, sampled on a regular grid: each R–R interval
 * gives `60 / RR` bpm at its midpoint (so the trace is not late by half a beat), intervals outside
 * a physiological range (a missed or an extra beat) are left out, and the grid is filled by linear
 * interpolation between midpoints, holding the first and last value at the edges.
 */
import { SignalsError } from '../errors.js';
import { assertInteger, assertNumber, invalidArgument } from '../preprocess/arguments.js';

/** Options of {@link heartRateTrace}. */
export interface HeartRateTraceOptions {
  /** Rate of the output grid, Hz; sample k is at `k / sampleRate` s (the beat times' clock). */
  readonly sampleRate: number;
  /** Output samples. */
  readonly length: number;
  /** Intervals implying a rate outside [minBpm, maxBpm] are ignored. */
  readonly minBpm: number;
  readonly maxBpm: number;
  /** Where the beats came from, for the error (default `'beatTimes'`). */
  readonly path?: string;
}

/**
 * Heart rate (bpm) at `options.length` grid points from ascending beat times (seconds).
 *
 * @throws SignalsError `SIGNAL_NO_HEARTBEAT` (at `options.path`) when no interval lies in range
 *   (fewer than two beats, or only implausible intervals); `SIGNAL_INVALID_ARGUMENT` for bad options
 *   or beat times that are not finite and ascending.
 *
 * @example
 * heartRateTrace([0.5, 1.5, 2.5], { sampleRate: 4, length: 12, minBpm: 30, maxBpm: 220 }); // twelve 60s
 */
export function heartRateTrace(beatTimes: ArrayLike<number>, options: HeartRateTraceOptions): Float64Array {
  const { sampleRate, length, minBpm, maxBpm, path = 'beatTimes' } = options;
  assertNumber('options.sampleRate', sampleRate, Number.MIN_VALUE);
  assertInteger('options.length', length, 1);
  assertNumber('options.minBpm', minBpm, 0);
  assertNumber('options.maxBpm', maxBpm, minBpm);
  const times: number[] = [];
  const rates: number[] = [];
  for (let i = 1; i < beatTimes.length; i++) {
    const interval = beatTimes[i] - beatTimes[i - 1];
    if (!Number.isFinite(interval) || interval <= 0) invalidArgument('beatTimes', `must be finite and ascending (index ${i})`, { index: i });
    const bpm = 60 / interval;
    if (bpm < minBpm || bpm > maxBpm) continue;
    times.push((beatTimes[i] + beatTimes[i - 1]) / 2);
    rates.push(bpm);
  }
  if (rates.length === 0) {
    throw new SignalsError(
      'SIGNAL_NO_HEARTBEAT',
      `${beatTimes.length} beat${beatTimes.length === 1 ? '' : 's'} with no R–R interval in ${minBpm}–${maxBpm} bpm`,
      { path },
      { beats: beatTimes.length, minBpm, maxBpm },
    );
  }
  const out = new Float64Array(length);
  let j = 0;
  for (let k = 0; k < length; k++) {
    const t = k / sampleRate;
    while (j < times.length && times[j] <= t) j++;
    if (j === 0) out[k] = rates[0];
    else if (j === times.length) out[k] = rates[times.length - 1];
    else out[k] = rates[j - 1] + ((rates[j] - rates[j - 1]) * (t - times[j - 1])) / (times[j] - times[j - 1]);
  }
  return out;
}
