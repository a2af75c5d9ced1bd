/**
 * @module Anti-aliased polyphase FIR resampling that reproduces `scipy.signal.resample_poly`
 * (default Kaiser window, beta 5.0): a low-pass of `2·10·max(up, down) + 1` taps with cutoff at the
 * lower of the two Nyquist frequencies, gain `up`, applied zero-phase so output sample `i` sits at
 * input time `i·down/up`. Only the taps that meet a real input sample are evaluated (polyphase),
 * and each `(up, down)` design is cached, so a call allocates only its output.
 */
import { assertFiniteSignal, assertInteger, assertSignal, invalidArgument, type SignalLike } from './arguments.js';
import { kaiserLowpass } from './kaiser-lowpass.js';
import { gcd, resampleFactors } from './resample-factors.js';

/**
 * What lies beyond the signal's ends for the filter:
 * - `'constant'`: zeros (scipy's default `padtype='constant'`); a signal with a large level, like
 *   skin conductance, is pulled toward 0 over the first and last ~10·max(up, down)/up input samples;
 * - `'edge'`: the first/last sample repeated (scipy `padtype='edge'`); no edge transient on a level;
 * - `'mean'`: the signal's mean (scipy `padtype='mean'`).
 */
export type ResamplePadType = 'constant' | 'edge' | 'mean';

/** Options of {@link resample} and {@link resamplePoly}. */
export interface ResampleOptions {
  /** Extension beyond the ends; default `'constant'` (scipy's default). */
  readonly padType?: ResamplePadType;
}

/** Kaiser beta of scipy's default `resample_poly` window. */
export const RESAMPLE_KAISER_BETA = 5;

interface PolyphaseFilter {
  readonly up: number;
  readonly halfLength: number;
  /** Taps of all phases, phase r holding `h[r], h[r + up], h[r + 2·up], …`. */
  readonly taps: Float64Array;
  /** Start of each phase in `taps`; `offsets[up]` is the total length. */
  readonly offsets: Int32Array;
  /** Running sums of each phase's taps, laid out like `taps` plus one leading 0 per phase. */
  readonly prefix: Float64Array;
}

const FILTER_CACHE_LIMIT = 32;
const filterCache = new Map<string, PolyphaseFilter>();

/**
 * Resamples `x` from `fromHz` to `toHz` (each 1–1024 Hz, rational such as 7.5) with an
 * anti-aliasing polyphase FIR; equal to `scipy.signal.resample_poly(x, up, down, padtype=…)` with
 * `up/down` the reduced ratio. Output length is `ceil(x.length · up / down)`.
 *
 * @param x - finite samples (fill missing values first; NaN would spread over a whole filter span).
 * @returns a new Float64Array; a copy of `x` when the rates are equal.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x`, `fromHz`, `toHz` or `options.padType`.
 *
 * @example
 * const at32Hz = resample(gsrAt512Hz, 512, 32, { padType: 'edge' }); // 2,816 → 176 samples
 */
export function resample(x: SignalLike, fromHz: number, toHz: number, options: ResampleOptions = {}): Float64Array {
  assertSignal('x', x);
  const { up, down } = resampleFactors(fromHz, toHz);
  return resamplePoly(x, up, down, options);
}

/**
 * Polyphase resampling by integer factors: upsample by `up`, low-pass, downsample by `down`
 * (reduced by their gcd first), exactly like `scipy.signal.resample_poly(x, up, down)`.
 *
 * @param up - integer 1–16384; @param down - integer 1–16384.
 * @returns a new Float64Array of `ceil(x.length · up / down)` samples.
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x`, `up`, `down` or `options.padType`.
 *
 * @example
 * resamplePoly(x, 128, 25); // 100 Hz → 512 Hz
 */
export function resamplePoly(x: SignalLike, up: number, down: number, options: ResampleOptions = {}): Float64Array {
  assertSignal('x', x);
  assertInteger('up', up, 1, 16384);
  assertInteger('down', down, 1, 16384);
  const padType = options.padType ?? 'constant';
  if (padType !== 'constant' && padType !== 'edge' && padType !== 'mean') {
    invalidArgument('options.padType', `must be 'constant', 'edge' or 'mean', got ${String(padType)}`);
  }
  assertFiniteSignal('x', x);
  const g = gcd(up, down);
  up /= g;
  down /= g;
  const n = x.length;
  if (up === 1 && down === 1) return Float64Array.from(x);
  const nOut = Math.ceil((n * up) / down);
  const y = new Float64Array(nOut);
  if (n === 0) return y;

  const { halfLength, taps, offsets, prefix } = polyphaseFilter(up, down);
  let mean = 0;
  if (padType === 'mean') {
    for (let m = 0; m < n; m++) mean += x[m];
    mean /= n;
  }
  const first = x[0];
  const last = x[n - 1];
  for (let i = 0; i < nOut; i++) {
    const s = i * down + halfLength;
    const m0 = Math.floor(s / up);
    const r = s - m0 * up;
    const start = offsets[r];
    const count = offsets[r + 1] - start;
    // Tap q meets input sample m0 − q: q < a lies past the end, q ≥ b before the start.
    const a = Math.min(Math.max(m0 - (n - 1), 0), count);
    const b = Math.min(m0 + 1, count);
    let acc = 0;
    for (let q = start + a, end = start + b, m = m0 - a; q < end; q++, m--) acc += taps[q] * x[m];
    if (padType === 'edge') {
      const p = start + r;
      acc += last * prefix[p + a] + first * (prefix[p + count] - prefix[p + b]);
    } else if (padType === 'mean') {
      // scipy filters x − mean and adds the mean back: Σ h·x − mean·Σ h + mean.
      const p = start + r;
      acc += mean * (1 - (prefix[p + b] - prefix[p + a]));
    }
    y[i] = acc;
  }
  return y;
}

function polyphaseFilter(up: number, down: number): PolyphaseFilter {
  const key = `${up}/${down}`;
  const cached = filterCache.get(key);
  if (cached !== undefined) return cached;
  const maxRate = Math.max(up, down);
  const halfLength = 10 * maxRate;
  const h = kaiserLowpass(2 * halfLength + 1, 1 / maxRate, RESAMPLE_KAISER_BETA);
  const taps = new Float64Array(h.length);
  const offsets = new Int32Array(up + 1);
  const prefix = new Float64Array(h.length + up);
  let k = 0;
  for (let r = 0; r < up; r++) {
    offsets[r] = k;
    let running = 0;
    prefix[k + r] = 0;
    for (let j = r; j < h.length; j += up) {
      taps[k] = h[j] * up;
      running += taps[k];
      k++;
      prefix[k + r] = running;
    }
  }
  offsets[up] = k;
  if (filterCache.size >= FILTER_CACHE_LIMIT) filterCache.clear();
  const built = { up, halfLength, taps, offsets, prefix };
  filterCache.set(key, built);
  return built;
}
