/**
 * @module Turns two sampling rates into the reduced integer factors `up/down` of a polyphase
 * resampler, accepting rational rates such as 7.5 Hz and refusing ratios that would need an
 * absurdly long filter.
 */
import { SignalsError } from '../errors.js';
import { assertNumber } from './arguments.js';

/** Lowest accepted sampling rate in Hz. */
export const MIN_SAMPLE_RATE_HZ = 1;
/** Highest accepted sampling rate in Hz. */
export const MAX_SAMPLE_RATE_HZ = 1024;
/** Largest accepted `max(up, down)`; the filter has `20·max(up, down) + 1` taps. */
export const MAX_RESAMPLE_FACTOR = 16384;
/** Largest denominator tried when reading a non-integer rate as a fraction. */
const MAX_RATE_DENOMINATOR = 1000;

/** Integer resampling factors: output rate = input rate · up / down, gcd(up, down) = 1. */
export interface ResampleFactors {
  readonly up: number;
  readonly down: number;
}

/**
 * Reduced factors `up/down = toHz/fromHz`. Each rate is read as the fraction p/q with the smallest
 * q ≤ 1000 within 1e-9 relative (so 7.5 → 15/2, 29.97 → 2997/100).
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `fromHz`/`toHz` when a rate is not finite,
 *   outside 1–1024 Hz or not such a fraction, or naming `toHz` when the reduced factors exceed
 *   {@link MAX_RESAMPLE_FACTOR}.
 *
 * @example
 * resampleFactors(512, 32); // { up: 1, down: 16 }
 * resampleFactors(100, 512); // { up: 128, down: 25 }
 */
export function resampleFactors(fromHz: number, toHz: number): ResampleFactors {
  const [pf, qf] = asFraction('fromHz', fromHz);
  const [pt, qt] = asFraction('toHz', toHz);
  let up = pt * qf;
  let down = qt * pf;
  const g = gcd(up, down);
  up /= g;
  down /= g;
  if (Math.max(up, down) > MAX_RESAMPLE_FACTOR) {
    throw new SignalsError(
      'SIGNAL_INVALID_ARGUMENT',
      `${fromHz} Hz → ${toHz} Hz needs factors ${up}/${down}; max(up, down) must be ≤ ${MAX_RESAMPLE_FACTOR}`,
      { path: 'toHz' },
      { argument: 'toHz', fromHz, toHz, up, down },
    );
  }
  return { up, down };
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function asFraction(name: string, rate: number): [number, number] {
  assertNumber(name, rate, MIN_SAMPLE_RATE_HZ, MAX_SAMPLE_RATE_HZ);
  for (let q = 1; q <= MAX_RATE_DENOMINATOR; q++) {
    const p = Math.round(rate * q);
    if (Math.abs(p / q - rate) <= 1e-9 * rate) return [p, q];
  }
  throw new SignalsError(
    'SIGNAL_INVALID_ARGUMENT',
    `${rate} Hz is not a fraction with denominator ≤ ${MAX_RATE_DENOMINATOR}`,
    { path: name },
    { argument: name, value: rate },
  );
}
