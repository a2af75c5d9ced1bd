/** @module Worker-thread inference gives the in-process predictions, maps errors to ApiErrors, and refuses a bad model. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '@painkd/signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { InProcessEngine } from './inference-engine.js';
import { loadPredictor, StartupError } from './onnx-predictor.js';
import { emptyTimings } from './predictor.js';
import { WorkerEngine } from './worker-engine.js';

const modelDir = fileURLToPath(new URL('../../model', import.meta.url));
let workers: WorkerEngine;
let local: InProcessEngine;

beforeAll(async () => {
  workers = await WorkerEngine.start(2, modelDir, { runtime: 'node' });
  local = new InProcessEngine(await loadPredictor(modelDir, { runtime: 'node' }));
});
afterAll(async () => {
  await workers.close();
  await local.close();
});

function window(rate: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: Math.round(5.5 * rate) }, (_, i) => 4 + Math.sin(i / rate) + rand() * 0.1);
}

describe('WorkerEngine', () => {
  it('predicts exactly what the in-process engine predicts, with stage times and run reports', async () => {
    const runs: number[] = [];
    workers.onRun((_ms, batch) => runs.push(batch));
    const raw = [512, 128, 4, 4, 32].map((rate, i) => ({ samples: window(rate, i), sampleRate: rate }));
    const expected = await local.predictRaw(raw.map((w) => ({ samples: w.samples.slice(), sampleRate: w.sampleRate })), emptyTimings());
    const timings = emptyTimings();
    const got = await Promise.all(raw.map((w) => workers.predictRaw([w], timings)));
    expect(got.flat()).toEqual(expected);
    expect(timings.resample).toBeGreaterThan(0);
    expect(timings.inference).toBeGreaterThan(0);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(5);
    const input = new Float32Array(176).fill(0.5);
    expect(await workers.predictPreprocessed([input.slice()], emptyTimings())).toEqual(await local.predictPreprocessed([input], emptyTimings()));
  });

  it('answers a client error from a worker as the same ApiError', async () => {
    const error = await workers.predictRaw([{ samples: new Float32Array(10), sampleRate: 512 }], emptyTimings()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_WINDOW_LENGTH', status: 400, path: 'samples' });
  });

  it('refuses to start on a tampered model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-worker-'));
    try {
      cpSync(modelDir, dir, { recursive: true });
      const onnx = join(dir, 'student.int8.onnx');
      const bytes = readFileSync(onnx);
      bytes[20] = (bytes[20] ?? 0) ^ 1;
      writeFileSync(onnx, bytes);
      const error = await WorkerEngine.start(1, dir, { runtime: 'node' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as StartupError).message).toContain('MODEL_HASH_MISMATCH');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
