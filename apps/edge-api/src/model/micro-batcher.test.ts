/** @module Concurrent windows are batched into fewer ONNX runs and get the same predictions as alone. */
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '@painkd/signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher.js';
import { loadPredictor } from './onnx-predictor.js';
import { emptyTimings, type Prediction, type Predictor } from './predictor.js';

let predictor: Predictor;
beforeAll(async () => {
  predictor = await loadPredictor(fileURLToPath(new URL('../../model', import.meta.url)), { runtime: 'node' });
});
afterAll(async () => {
  await predictor.close();
});

describe('MicroBatcher', () => {
  it('batches concurrent windows (at most maxBatch per run) without changing any prediction', async () => {
    const rand = mulberry32(3);
    const windows = Array.from({ length: 20 }, () => Float32Array.from({ length: predictor.info.windowSamples }, () => rand() * 4 - 2));
    const alone: Prediction[] = [];
    for (const w of windows) alone.push(...(await predictor.infer([w], emptyTimings())));
    const runs: number[] = [];
    const batcher = new MicroBatcher(predictor, 8, (_ms, n) => runs.push(n));
    const together = await Promise.all(windows.map((w) => batcher.infer(w)));
    expect(together.map((p) => p.level)).toEqual(alone.map((p) => p?.level));
    together.forEach((p, i) => p.probabilities.forEach((x, k) => expect(x).toBeCloseTo(alone[i]?.probabilities[k] ?? NaN, 5)));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(20);
    expect(runs[0]).toBe(1);
    expect(Math.max(...runs)).toBe(8);
    expect(runs.length).toBeLessThan(20);
  });
});
