/**
 * @module Window and hop sizes in samples at a stream's or recording's own rate — the one rule
 * both streams and long `POST /predict` recordings cut by, so a window posted whole, cut from a
 * long recording, or completed by a stream is the same samples.
 */
import { secondsToSamples } from '@painkd/signals';

/** Sizes in samples at one rate. */
export interface WindowGeometry {
  readonly windowSamples: number;
  readonly hopSamples: number;
}

/**
 * `round(windowSeconds · rate)` (at least 2) and `round(hopSeconds · rate)` (at least 1).
 *
 * @example
 * windowGeometry(4, 5.5, 1); // { windowSamples: 22, hopSamples: 4 }
 */
export function windowGeometry(sampleRate: number, windowSeconds: number, hopSeconds: number): WindowGeometry {
  return {
    windowSamples: Math.max(2, secondsToSamples(windowSeconds, sampleRate)),
    hopSamples: Math.max(1, secondsToSamples(hopSeconds, sampleRate)),
  };
}
