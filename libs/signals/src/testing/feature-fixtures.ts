/** @module Test support: the types of `fixtures/features.json` (made by `fixtures/make-feature-fixtures.py`). */
import { readFixture } from './fixtures.js';

/** All feature fixtures. */
export interface FeatureFixtures {
  readonly butter: ReadonlyArray<{ kind: 'lowpass' | 'highpass'; cutoffHz: number; sampleRate: number; sos: number[] }>;
  readonly sosfiltfilt: ReadonlyArray<{ name: string; lowHz: number | null; highHz: number | null; sampleRate: number; x: number[]; y: number[] }>;
  readonly movingMean: ReadonlyArray<{ name: string; size: number; x: number[]; y: number[] }>;
  readonly envelope: ReadonlyArray<{
    name: string;
    sampleRate: number;
    highPassHz: number;
    lowPassHz: number | null;
    windowSeconds: number;
    modelRate: number;
    x: number[];
    envelope: number[];
    resampled: number[];
    logResampled: number[];
  }>;
}

let cached: FeatureFixtures | undefined;

/**
 * The scipy references of filters and the EMG envelope, read once.
 *
 * @example
 * for (const c of featureFixtures().movingMean) expect(relativeError(movingMean(c.x, c.size), c.y)).toBeLessThan(1e-12);
 */
export function featureFixtures(): FeatureFixtures {
  cached ??= readFixture<FeatureFixtures>('features.json');
  return cached;
}
