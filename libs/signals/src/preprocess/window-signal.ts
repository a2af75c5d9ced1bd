/**
 * @module Batch windowing: cuts a long signal into fixed-length windows every hop, the batch
 * counterpart of the stream windower (both emit the same {@link SignalWindow}s for the same samples).
 */
import { assertInteger, assertSignal, type SignalLike } from './arguments.js';

/** One fixed-length window cut from a longer signal or stream. */
export interface SignalWindow {
  /** 0-based ordinal of the window. */
  readonly index: number;
  /** Index of its first sample in the whole signal (stream). */
  readonly startSample: number;
  /** The samples, a fresh Float32Array (never a view on the source). */
  readonly samples: Float32Array;
}

/**
 * Cuts `x` into windows of `windowSamples` starting at samples 0, hop, 2·hop, …; a tail shorter
 * than a window is dropped. `hopSamples` may exceed `windowSamples` (gaps between windows).
 * Samples are stored as Float32 (sensor precision), exactly as the stream windower stores them.
 *
 * @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming `x`, `windowSamples` or `hopSamples`.
 *
 * @example
 * windowSignal(recording, 2816, 512); // 5.5-s windows every second at 512 Hz
 */
export function windowSignal(x: SignalLike, windowSamples: number, hopSamples: number): SignalWindow[] {
  assertSignal('x', x);
  assertInteger('windowSamples', windowSamples, 1);
  assertInteger('hopSamples', hopSamples, 1);
  const windows: SignalWindow[] = [];
  for (let start = 0, index = 0; start + windowSamples <= x.length; start += hopSamples, index++) {
    const samples = new Float32Array(windowSamples);
    for (let i = 0; i < windowSamples; i++) samples[i] = x[start + i];
    windows.push({ index, startSample: start, samples });
  }
  return windows;
}
