/**
 * @module POST /predict on a real server: predictions equal direct onnxruntime inference on the
 * same preprocessed window; JSON, float32 bytes and batch agree; bad input gets the right 4xx.
 */
import { createInferenceSession, loadArtifact, type PainkdInferenceSession } from '@painkd/runtime';
import { parsePreprocessConfig, preprocessWindow } from '@painkd/signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { softmax } from '../src/model/onnx-predictor.js';
import { MODEL_DIR, postJson, startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

interface PredictionBody {
  level: number;
  label: string;
  probabilities: number[];
  model: { name: string; version: string; sha256: string };
  latencyMs: number;
}

let t: TestServer;
let direct: PainkdInferenceSession;
let config: ReturnType<typeof parsePreprocessConfig>;
let labels: readonly string[];

beforeAll(async () => {
  t = await startTestServer({ limits: { maxBodyBytes: 256 * 1024, maxBatchWindows: 4 } });
  const artifact = await loadArtifact(MODEL_DIR);
  config = parsePreprocessConfig(artifact.manifest.preprocess);
  labels = artifact.manifest.classLabels;
  direct = await createInferenceSession(await artifact.readModel('student-int8'), { runtime: 'node' });
});

afterAll(async () => {
  await t.stop();
  await direct.dispose();
});

async function directPredict(samples: Float32Array, rate: number): Promise<number[]> {
  const input = preprocessWindow(samples, rate, config);
  const { logits } = await direct.run(input, 1);
  return softmax(logits);
}

describe('POST /predict', () => {
  it('equals direct onnxruntime inference on the same preprocessed window, at several rates', async () => {
    for (const [rate, seed] of [[512, 1], [128, 2], [4, 3], [1024, 4], [31.25, 5]] as const) {
      const samples = syntheticWindow(rate, 5.5, seed);
      const res = await postJson(`${t.url}/predict`, { samples: Array.from(samples), sampleRate: rate });
      expect(res.status).toBe(200);
      const body = res.body as PredictionBody;
      const expected = await directPredict(samples, rate);
      expect(body.probabilities).toEqual(expected);
      const level = expected.indexOf(Math.max(...expected));
      expect(body.level).toBe(level);
      expect(body.label).toBe(labels[level]);
      expect(body.model.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(res.headers.get('server-timing')).toMatch(/parse;dur=.*resample;dur=.*filter;dur=.*inference;dur=/);
    }
  });

  it('gives the same prediction for JSON, little-endian float32 bytes and a batch', async () => {
    const samples = syntheticWindow(512, 5.5, 9);
    const json = (await postJson(`${t.url}/predict`, { samples: Array.from(samples), sampleRate: 512 })).body as PredictionBody;
    const bin = await fetch(`${t.url}/predict?sampleRate=512`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(samples.buffer as ArrayBuffer, samples.byteOffset, samples.byteLength),
    });
    expect(bin.status).toBe(200);
    expect(((await bin.json()) as PredictionBody).probabilities).toEqual(json.probabilities);
    const other = syntheticWindow(128, 5.5, 10);
    const batch = await postJson(`${t.url}/predict`, {
      windows: [
        { samples: Array.from(samples), sampleRate: 512 },
        { samples: Array.from(other), sampleRate: 128 },
      ],
    });
    expect(batch.status).toBe(200);
    const preds = (batch.body as { predictions: PredictionBody[] }).predictions;
    expect(preds).toHaveLength(2);
    expect(preds[0]?.probabilities).toEqual(json.probabilities);
    expect(preds[1]?.probabilities).toEqual(await directPredict(other, 128));
  });

  it('accepts a recording of any length: every window every hop with its start time, and the aggregate', async () => {
    const rate = 512;
    const recording = syntheticWindow(rate, 10, 21);
    const res = await postJson(`${t.url}/predict`, { samples: Array.from(recording), sampleRate: rate });
    expect(res.status).toBe(200);
    const body = res.body as PredictionBody & { maxLevel: number; maxLabel: string; windows: (PredictionBody & { startSeconds: number; endSeconds: number })[] };
    const w = Math.round(5.5 * rate);
    expect(body.windows.map((x) => [x.startSeconds, x.endSeconds])).toEqual([0, 1, 2, 3, 4].map((s) => [s, s + 5.5]));
    const expected = await Promise.all(body.windows.map((_, i) => directPredict(recording.subarray(i * rate, i * rate + w), rate)));
    expect(body.windows.map((x) => x.probabilities)).toEqual(expected);
    const mean = expected[0]?.map((_, k) => expected.reduce((s, p) => s + (p[k] ?? 0), 0) / expected.length) ?? [];
    body.probabilities.forEach((p, k) => expect(p).toBeCloseTo(mean[k] ?? NaN, 12));
    expect(body.level).toBe(mean.indexOf(Math.max(...mean)));
    expect(body.maxLevel).toBe(Math.max(...expected.map((p) => p.indexOf(Math.max(...p)))));
    expect(body.maxLabel).toBe(labels[body.maxLevel]);
    const bytes = await fetch(`${t.url}/predict?sampleRate=${rate}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(recording.buffer as ArrayBuffer) });
    expect(((await bytes.json()) as typeof body).windows.map((x) => x.probabilities)).toEqual(expected);
  });

  it('keeps a recording within the tolerance one window, as before; rejects one shorter than a window', async () => {
    const ok = syntheticWindow(512, 5.9);
    const one = await postJson(`${t.url}/predict`, { samples: Array.from(ok), sampleRate: 512 });
    expect((one.body as { windows: unknown[]; probabilities: number[] }).windows).toHaveLength(1);
    expect((one.body as { probabilities: number[] }).probabilities).toEqual(await directPredict(ok, 512));
    const short = await postJson(`${t.url}/predict`, { samples: Array.from(syntheticWindow(512, 4.9)), sampleRate: 512 });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: { code: 'INVALID_WINDOW_LENGTH', path: 'samples', details: { min: 2560, max: 3072 } } });
  });

  it('cuts every recording of a batch, and bounds the windows per request', async () => {
    const long = syntheticWindow(4, 9, 5);
    const batch = await postJson(`${t.url}/predict`, { windows: [{ samples: Array.from(long), sampleRate: 4 }, { samples: Array.from(syntheticWindow(4)), sampleRate: 4 }] });
    expect(batch.status).toBe(200);
    const preds = (batch.body as { predictions: { windows: { probabilities: number[] }[] }[] }).predictions;
    expect(preds.map((p) => p.windows.length)).toEqual([4, 1]);
    expect(preds[0]?.windows[2]?.probabilities).toEqual(await directPredict(long.subarray(8, 30), 4));
    const tooMany = await postJson(`${t.url}/predict`, { samples: new Array(5000).fill(4), sampleRate: 1 });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ error: { code: 'TOO_MANY_WINDOWS', path: 'samples', details: { windows: 4995 } } });
  });

  it('answers each kind of bad input with its status, code and path', async () => {
    const good = Array.from(syntheticWindow(4));
    const cases: [unknown, number, string, string][] = [
      [{ samples: [...good.slice(0, 3), 'x', ...good.slice(4)], sampleRate: 4 }, 400, 'INVALID_SAMPLES', 'samples[3]'],
      [{ samples: [...good.slice(0, 5), true, ...good.slice(6)], sampleRate: 4 }, 400, 'INVALID_SAMPLES', 'samples[5]'],
      [{ samples: [], sampleRate: 4 }, 400, 'INVALID_SAMPLES', 'samples'],
      [{ samples: good.slice(0, 5), sampleRate: 4 }, 400, 'INVALID_WINDOW_LENGTH', 'samples'],
      [{ samples: good, sampleRate: 0 }, 400, 'INVALID_SAMPLE_RATE', 'sampleRate'],
      [{ samples: good, sampleRate: 2048 }, 400, 'INVALID_SAMPLE_RATE', 'sampleRate'],
      [{ samples: good, sampleRate: '4' }, 400, 'INVALID_SAMPLE_RATE', 'sampleRate'],
      [{ samples: 'abc', sampleRate: 4 }, 400, 'INVALID_SAMPLES', 'samples'],
      [[1, 2, 3], 400, 'BAD_REQUEST', ''],
      [{ windows: [] }, 400, 'BAD_REQUEST', 'windows'],
      [{ windows: Array.from({ length: 5 }, () => ({ samples: good, sampleRate: 4 })) }, 413, 'BATCH_TOO_LARGE', 'windows'],
      [{ windows: [{ samples: good, sampleRate: 4 }, { samples: good, sampleRate: -1 }] }, 400, 'INVALID_SAMPLE_RATE', 'windows[1].sampleRate'],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await postJson(`${t.url}/predict`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body).toMatchObject({ error: { code, path } });
    }
  });

  it('rejects Infinity written as 1e999, malformed JSON, wrong types, big bodies and unknown routes', async () => {
    const send = (body: string, type: string, path = '/predict') =>
      fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    const good = Array.from(syntheticWindow(4)).join(',');
    const inf = await send(`{"samples":[1e999,${good.slice(good.indexOf(',') + 1)}],"sampleRate":4}`, 'application/json');
    expect(inf.status).toBe(400);
    expect(await inf.json()).toMatchObject({ error: { code: 'INVALID_SAMPLES', path: 'samples[0]' } });
    const nan = await send(`{"samples":[NaN],"sampleRate":4}`, 'application/json');
    expect(nan.status).toBe(400);
    expect(await nan.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
    expect((await send('', 'application/json')).status).toBe(400);
    expect((await send('hello', 'text/plain')).status).toBe(415);
    const overflow = await send(`{"samples":[1e300,${good.slice(good.indexOf(',') + 1)}],"sampleRate":4}`, 'application/json');
    expect(await overflow.json()).toMatchObject({ error: { code: 'INVALID_SAMPLES', path: 'samples[0]', message: 'samples[0] is 1e+300, which overflows float32 (largest finite magnitude 3.4e38)' } });
    const huge = await send(`{"samples":[${'1,'.repeat(200_000)}1],"sampleRate":4}`, 'application/json');
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    const bad = new Uint8Array(new Float32Array([1, Number.NaN, 2]).buffer);
    const nanBytes = await fetch(`${t.url}/predict?sampleRate=4`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bad });
    expect(nanBytes.status).toBe(400);
    const odd = await fetch(`${t.url}/predict?sampleRate=4`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(7) });
    expect(await odd.json()).toMatchObject({ error: { code: 'INVALID_SAMPLES', path: 'body' } });
    const noRate = await fetch(`${t.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(88) });
    expect(await noRate.json()).toMatchObject({ error: { code: 'INVALID_SAMPLE_RATE', path: 'query.sampleRate' } });
    const missing = await fetch(`${t.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', path: '/nope' } });
  });
});
