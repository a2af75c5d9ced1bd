/**
 * @module KServe v2 endpoints on a real server: health, metadata, infer on raw GSR and on the
 * model tensor (equal to POST /predict), and their errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

let t: TestServer;
let name: string;
beforeAll(async () => {
  t = await startTestServer();
  name = t.predictor.info.name;
});
afterAll(async () => {
  await t.stop();
});

describe('KServe v2', () => {
  it('answers liveness, readiness, server and model metadata', async () => {
    expect(await (await fetch(`${t.url}/v2/health/live`)).json()).toEqual({ live: true });
    expect(await (await fetch(`${t.url}/v2/health/ready`)).json()).toEqual({ ready: true });
    expect(await (await fetch(`${t.url}/v2`)).json()).toMatchObject({ name: 'painkd-edge-api' });
    const meta = (await (await fetch(`${t.url}/v2/models/${name}`)).json()) as { name: string; inputs: { name: string; shape: number[] }[]; outputs: { name: string }[] };
    expect(meta.name).toBe(name);
    expect(meta.inputs.map((i) => i.name)).toEqual(['input', 'gsr']);
    expect(meta.inputs[0]?.shape).toEqual([-1, t.predictor.info.windowSamples, 1]);
    expect(meta.outputs.map((o) => o.name)).toEqual(['probabilities', 'level']);
    expect((await fetch(`${t.url}/v2/models/${name}/ready`)).status).toBe(200);
    const missing = await fetch(`${t.url}/v2/models/other`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'MODEL_NOT_FOUND', path: 'params.name' } });
  });

  it('infers raw GSR rows and model tensors exactly like POST /predict', async () => {
    const a = syntheticWindow(512, 5.5, 1);
    const b = syntheticWindow(512, 5.5, 2);
    const viaPredict = await Promise.all(
      [a, b].map(async (w) => ((await postJson(`${t.url}/predict`, { samples: Array.from(w), sampleRate: 512 })).body as { probabilities: number[]; level: number })),
    );
    const raw = await postJson(`${t.url}/v2/models/${name}/infer`, {
      id: 'r1',
      inputs: [{ name: 'gsr', shape: [2, a.length], datatype: 'FP32', data: [...a, ...b], parameters: { sampleRate: 512 } }],
    });
    expect(raw.status).toBe(200);
    const body = raw.body as { id: string; outputs: { name: string; shape: number[]; data: number[] }[] };
    expect(body.id).toBe('r1');
    expect(body.outputs[0]).toMatchObject({ name: 'probabilities', shape: [2, t.predictor.info.labels.length] });
    expect(body.outputs[0]?.data).toEqual(viaPredict.flatMap((p) => p.probabilities));
    expect(body.outputs[1]?.data).toEqual(viaPredict.map((p) => p.level));

    const input = t.predictor.preprocess(a, 512, { parse: 0, resample: 0, filter: 0, inference: 0 });
    const tensor = await postJson(`${t.url}/v2/models/${name}/infer`, {
      inputs: [{ name: 'input', shape: [1, input.length, 1], datatype: 'FP32', data: Array.from(input) }],
    });
    expect(tensor.status).toBe(200);
    expect((tensor.body as typeof body).outputs[0]?.data).toEqual(viaPredict[0]?.probabilities);
  });

  it('rejects malformed infer requests with 400/413/415', async () => {
    const url = `${t.url}/v2/models/${name}/infer`;
    const n = t.predictor.info.windowSamples;
    const cases: [unknown, number, string][] = [
      [{}, 400, 'inputs'],
      [{ inputs: [{ name: 'x', shape: [1, n], datatype: 'FP32', data: [] }] }, 400, 'inputs[0].name'],
      [{ inputs: [{ name: 'input', shape: [1, n], datatype: 'INT8', data: [] }] }, 400, 'inputs[0].datatype'],
      [{ inputs: [{ name: 'input', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] }] }, 400, 'inputs[0].shape'],
      [{ inputs: [{ name: 'input', shape: [1, n], datatype: 'FP32', data: [1, 2] }] }, 400, 'inputs[0].data'],
      [{ inputs: [{ name: 'input', shape: [1, -1], datatype: 'FP32', data: [] }] }, 400, 'inputs[0].shape[1]'],
      [{ inputs: [{ name: 'gsr', shape: [1, 22], datatype: 'FP32', data: new Array(22).fill(1) }] }, 400, 'inputs[0].parameters.sampleRate'],
      [{ inputs: [{ name: 'gsr', shape: [1, 10], datatype: 'FP32', data: new Array(10).fill(1), parameters: { sampleRate: 4 } }] }, 400, 'inputs[0].shape[1]'],
      [{ inputs: [{ name: 'input', shape: [1000, n], datatype: 'FP32', data: [] }] }, 413, 'inputs[0].shape[0]'],
    ];
    for (const [body, status, path] of cases) {
      const res = await postJson(url, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body).toMatchObject({ error: { path } });
    }
    const text = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
  });
});
