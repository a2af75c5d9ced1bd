import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePreprocessConfig } from '../preprocess/parse-preprocess-config.js';
import { DEFAULT_PREPROCESS_CONFIG, secondsToSamples, type PreprocessConfig } from '../preprocess/preprocess-config.js';
import { preprocessWindow } from '../preprocess/preprocess-window.js';
import { windowSignal } from '../preprocess/window-signal.js';
import { mulberry32 } from '../synth/random.js';
import { StreamWindower } from './stream-windower.js';

/** A GSR-like signal from a seed: level, drift, slow waves, noise and a few missing samples. */
function signalFromSeed(seed: number, length: number, rate: number): Float32Array {
  const random = mulberry32(seed);
  const level = 2 + 18 * random();
  const x = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const t = i / rate;
    x[i] = level + 0.02 * t + 0.5 * Math.sin(t * (0.5 + random() * 0.01)) + 0.02 * (random() - 0.5);
    if (random() < 0.01) x[i] = Number.NaN;
  }
  return x;
}

/** Splits [0, length) into chunks whose sizes cycle through `sizes`. */
function* chunks(length: number, sizes: number[]): Generator<[number, number]> {
  for (let at = 0, k = 0; at < length; k++) {
    const end = Math.min(length, at + sizes[k % sizes.length]);
    yield [at, end];
    at = end;
  }
}

function checkStreamEqualsBatch(config: PreprocessConfig, rate: number, seed: number, windows: number, hopFraction: number, sizes: number[]): void {
  const windowSamples = secondsToSamples(config.windowSeconds, rate);
  const hopSamples = Math.max(1, Math.round(windowSamples * hopFraction));
  const length = windowSamples + Math.round(hopSamples * windows);
  const signal = signalFromSeed(seed, length, rate);

  const batch = windowSignal(signal, windowSamples, hopSamples);
  const windower = new StreamWindower({ windowSamples, hopSamples, firstSeq: 0 });
  const streamed = [];
  let seq = 0;
  for (const [from, to] of chunks(length, sizes)) streamed.push(...windower.push(seq++, Array.from(signal.subarray(from, to))));

  expect(streamed.length).toBe(batch.length);
  for (let k = 0; k < batch.length; k++) {
    expect(streamed[k].startSample).toBe(batch[k].startSample);
    const fromStream = preprocessWindow(streamed[k].samples, rate, config);
    const fromBatch = preprocessWindow(batch[k].samples, rate, config);
    let worst = 0;
    for (let i = 0; i < fromBatch.length; i++) worst = Math.max(worst, Math.abs(fromStream[i] - fromBatch[i]));
    expect(worst).toBeLessThanOrEqual(1e-6);
  }
}

describe('stream windows equal batch windows after preprocessing', () => {
  const property = (config: PreprocessConfig, rates: number[], maxChunk: number) =>
    fc.property(
      fc.constantFrom(...rates),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 1, max: 4 }),
      fc.double({ min: 0.05, max: 1.5, noNaN: true }),
      fc.array(fc.integer({ min: 1, max: maxChunk }), { minLength: 1, maxLength: 12 }),
      (rate, seed, windows, hopFraction, sizes) => checkStreamEqualsBatch(config, rate, seed, windows, hopFraction, sizes),
    );

  it('with the default config at BioVid and wearable rates, any chunking', () => {
    fc.assert(property(DEFAULT_PREPROCESS_CONFIG, [512, 128, 4, 7.5], 900), { seed: 20261129, numRuns: 40 });
  });

  it('with subject-free min-max, no smoothing and zero padding', () => {
    const config = parsePreprocessConfig({
      sampleRate: 16,
      smoothing: null,
      length: { padMode: 'zeros' },
      normalization: { method: 'minmax' },
    });
    fc.assert(property(config, [100, 32, 1], 300), { seed: 7, numRuns: 30 });
  });
});
