/**
 * @module Signal quality on a real server: synthetic windows of each fault (out of range, negative,
 * flat, clipped, dropout, jump) carry their flags on every route — POST /predict, NDJSON, sessions
 * and their SSE events, the Open Inference Protocol — and are counted in /metrics; with
 * `rejectFlagged` they are answered with 422 (streams: a `rejected` entry) instead of predicted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNdjson } from './support/ndjson-client.js';
import { postJson, startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

interface Quality {
  ok: boolean;
  flags: string[];
}

const RATE = 32;
const clean = (): number[] => Array.from(syntheticWindow(RATE, 5.5, 7));
const FAULTS: Record<string, { samples: (number | null)[]; flags: string[] }> = {
  outOfRange: { samples: clean().map((v) => v + 70), flags: ['OUT_OF_RANGE'] },
  negative: { samples: clean().map((v) => v - 404), flags: ['OUT_OF_RANGE', 'NEGATIVE'] },
  flat: { samples: new Array(176).fill(2), flags: ['FLAT'] },
  electrodeOff: { samples: new Array(176).fill(0), flags: ['OUT_OF_RANGE', 'FLAT'] },
  clipped: { samples: clean().map((v) => Math.min(v, 4.3)), flags: ['CLIPPED'] },
  dropout: { samples: clean().map((v, i) => (i % 10 === 3 ? null : v)), flags: ['DROPOUT'] },
  jump: { samples: clean().map((v, i) => (i >= 100 ? v + 5 : v)), flags: ['JUMP'] },
};

let t: TestServer;
let strict: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  strict = await startTestServer({ rejectFlagged: true });
});
afterAll(async () => {
  await t.stop();
  await strict.stop();
});

describe('quality flags', () => {
  it('POST /predict: each fault gets its flags; a clean window is ok; flags are counted in /metrics', async () => {
    const ok = await postJson(`${t.url}/predict`, { samples: clean(), sampleRate: RATE });
    expect((ok.body as { quality: Quality }).quality).toEqual({ ok: true, flags: [] });
    for (const [name, fault] of Object.entries(FAULTS)) {
      const res = await postJson(`${t.url}/predict`, { samples: fault.samples, sampleRate: RATE });
      expect(res.status, name).toBe(200);
      const body = res.body as { quality: Quality; level: number; windows: { quality: Quality }[] };
      expect(body.quality, name).toEqual({ ok: false, flags: fault.flags });
      expect(body.windows[0]?.quality).toEqual(body.quality);
      expect(body.level).toBeGreaterThanOrEqual(0);
    }
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    for (const flag of ['OUT_OF_RANGE', 'NEGATIVE', 'FLAT', 'CLIPPED', 'DROPOUT', 'JUMP']) expect(metrics).toMatch(new RegExp(`edge_api_quality_flags_total\\{flag="${flag}"\\} [1-9]`));
  });

  it('a window with more missing samples than preprocessing can fill is a 422, not a 5xx', async () => {
    const res = await postJson(`${t.url}/predict`, { samples: clean().map((v, i) => (i % 3 === 0 ? null : v)), sampleRate: RATE });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'SIGNAL_QUALITY', details: { window: 0, flags: ['DROPOUT'] } } });
  });

  it('NDJSON lines, session answers and SSE events carry quality; the Open Inference Protocol answers quality_ok and quality_flags', async () => {
    const samples = [...clean(), ...(FAULTS['negative']?.samples ?? [])];
    const up = openNdjson(`${t.url}/predict?sampleRate=${RATE}`);
    up.write(`${JSON.stringify({ seq: 0, samples })}\n`);
    up.end();
    const lines: { window?: number; quality?: Quality }[] = [];
    for (let line = await up.nextLine(); line !== null; line = await up.nextLine()) lines.push(line as (typeof lines)[number]);
    const windows = lines.filter((l) => l.window !== undefined);
    expect(windows[0]?.quality).toEqual({ ok: true, flags: [] });
    expect(windows.at(-1)?.quality).toMatchObject({ ok: false, flags: expect.arrayContaining(['OUT_OF_RANGE', 'NEGATIVE']) });

    const events = await fetch(`${t.url}/v1/streams/q1/events`);
    const posted = await postJson(`${t.url}/v1/streams/q1/samples`, { seq: 0, sampleRate: RATE, samples: FAULTS['flat']?.samples });
    expect((posted.body as { predictions: { quality: Quality }[] }).predictions[0]?.quality).toEqual({ ok: false, flags: ['FLAT'] });
    await fetch(`${t.url}/v1/streams/q1`, { method: 'DELETE' });
    expect(await events.text()).toContain('"quality":{"ok":false,"flags":["FLAT"]}');

    const infer = await postJson(`${t.url}/v2/models/${t.predictor.info.name}/infer`, {
      inputs: [{ name: 'gsr', shape: [2, 176], datatype: 'FP32', data: [...clean(), ...(FAULTS['jump']?.samples as number[])], parameters: { sampleRate: RATE } }],
    });
    const outputs = (infer.body as { outputs: { name: string; datatype: string; data: unknown[] }[] }).outputs;
    expect(outputs.find((o) => o.name === 'quality_ok')).toMatchObject({ datatype: 'BOOL', data: [true, false] });
    expect(outputs.find((o) => o.name === 'quality_flags')).toMatchObject({ datatype: 'BYTES', data: ['', 'JUMP'] });
  });
});

describe('rejectFlagged', () => {
  it('answers a flagged window with 422 naming it, on POST /predict, batches and the Open Inference Protocol', async () => {
    const one = await postJson(`${strict.url}/predict`, { samples: FAULTS['flat']?.samples, sampleRate: RATE });
    expect(one.status).toBe(422);
    expect(one.body).toMatchObject({ error: { code: 'SIGNAL_QUALITY', path: 'samples', details: { window: 0, flags: ['FLAT'] } } });
    const batch = await postJson(`${strict.url}/predict`, { windows: [{ samples: clean(), sampleRate: RATE }, { samples: FAULTS['jump']?.samples, sampleRate: RATE }] });
    expect(batch.body).toMatchObject({ error: { code: 'SIGNAL_QUALITY', path: 'windows[1]', details: { flags: ['JUMP'] } } });
    const infer = await postJson(`${strict.url}/v2/models/${strict.predictor.info.name}/infer`, {
      inputs: [{ name: 'gsr', shape: [1, 176], datatype: 'FP32', data: FAULTS['outOfRange']?.samples, parameters: { sampleRate: RATE } }],
    });
    expect(infer.status).toBe(422);
    expect(infer.body).toEqual({ error: expect.stringContaining('OUT_OF_RANGE') });
    expect((await postJson(`${strict.url}/predict`, { samples: clean(), sampleRate: RATE })).status).toBe(200);
  });

  it('streams answer a flagged window as rejected, without a prediction, and carry on', async () => {
    const up = openNdjson(`${strict.url}/predict?sampleRate=${RATE}`);
    const after = Array.from(syntheticWindow(RATE, 6.5, 8));
    up.write(`${JSON.stringify({ seq: 0, samples: FAULTS['flat']?.samples })}\n${JSON.stringify({ seq: 1, samples: after })}\n`);
    up.end();
    const lines: Record<string, unknown>[] = [];
    for (let line = await up.nextLine(); line !== null; line = await up.nextLine()) lines.push(line as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ window: 0, rejected: true, quality: { ok: false, flags: ['FLAT'] } });
    expect(lines[0]).not.toHaveProperty('level');
    const rejected = lines.filter((l) => l['rejected'] === true);
    expect(rejected.every((l) => (l['quality'] as Quality).ok === false && !('level' in l))).toBe(true);
    expect(lines[6]).toMatchObject({ window: 6, level: expect.any(Number), quality: { ok: true, flags: [] } });
    expect(lines.at(-1)).toMatchObject({ done: true, windows: 7 });
    const metrics = await (await fetch(`${strict.url}/metrics`)).text();
    expect(metrics).toContain(`edge_api_rejected_windows_total{source="ndjson"} ${rejected.length}`);
  });
});
