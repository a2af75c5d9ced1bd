/**
 * @module Open Inference Protocol (KServe v2) conformance on a real server, against request and
 * response examples written from the REST spec: health, server and model metadata (`platform`,
 * tensors with `datatype`/`shape`), model readiness, the `/versions/{version}` paths, flat and
 * nested `data`, requested `outputs` (unknown ones: 400), the binary tensor extension both ways,
 * and errors as `{ "error": "<message>" }` on `/v2` only. Inference equals POST /predict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startTestServer, syntheticWindow, type TestServer } from './support/test-server.js';

let t: TestServer;
let name: string;
let version: string;
beforeAll(async () => {
  t = await startTestServer();
  name = t.predictor.info.name;
  version = t.predictor.info.version;
});
afterAll(async () => {
  await t.stop();
});

interface Output {
  name: string;
  datatype: string;
  shape: number[];
  data?: unknown[];
  parameters?: { binary_data_size?: number };
}

const window = (seed: number): number[] => Array.from(syntheticWindow(32, 5.5, seed));
const gsr = (rows: number[][], extra: Record<string, unknown> = {}) => ({ inputs: [{ name: 'gsr', shape: [rows.length, rows[0]?.length ?? 0], datatype: 'FP32', data: rows.flat(), parameters: { sampleRate: 32 } }], ...extra });

describe('health and metadata', () => {
  it('answers liveness, readiness and server metadata', async () => {
    expect(await (await fetch(`${t.url}/v2/health/live`)).json()).toEqual({ live: true });
    expect(await (await fetch(`${t.url}/v2/health/ready`)).json()).toEqual({ ready: true });
    expect(await (await fetch(`${t.url}/v2`)).json()).toEqual({ name: 'painkd-edge-api', version: '0.1.0', extensions: ['binary_tensor_data'] });
  });

  it('answers model metadata and readiness on the plain and the version paths', async () => {
    for (const base of [`/v2/models/${name}`, `/v2/models/${name}/versions/${encodeURIComponent(version)}`]) {
      const meta = (await (await fetch(`${t.url}${base}`)).json()) as { name: string; versions: string[]; platform: string; inputs: Output[]; outputs: Output[] };
      expect(meta).toMatchObject({ name, versions: [version], platform: 'onnxruntime_onnx' });
      expect(meta.inputs).toEqual([
        { name: 'input', datatype: 'FP32', shape: [-1, 176, 1] },
        { name: 'gsr', datatype: 'FP32', shape: [-1, -1] },
      ]);
      expect(meta.outputs).toEqual([
        { name: 'probabilities', datatype: 'FP32', shape: [-1, 5] },
        { name: 'level', datatype: 'INT64', shape: [-1] },
        { name: 'quality_ok', datatype: 'BOOL', shape: [-1] },
        { name: 'quality_flags', datatype: 'BYTES', shape: [-1] },
      ]);
      const ready = await fetch(`${t.url}${base}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ name, ready: true });
    }
  });

  it('answers errors as { "error": "<message>" } on /v2, and keeps the painkd shape elsewhere', async () => {
    const missing = await fetch(`${t.url}/v2/models/other`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: `no model named other; this server serves ${name}` });
    const noVersion = await fetch(`${t.url}/v2/models/${name}/versions/9/ready`);
    expect(noVersion.status).toBe(404);
    expect(await noVersion.json()).toEqual({ error: expect.stringContaining('has no version 9') });
    const route = await fetch(`${t.url}/v2/nope`);
    expect(await route.json()).toEqual({ error: 'no route for GET /v2/nope' });
    expect(await (await fetch(`${t.url}/nope`)).json()).toMatchObject({ error: { code: 'NOT_FOUND', path: '/nope' } });
  });
});

describe('inference', () => {
  it('answers raw GSR rows like POST /predict, with flat or nested data, on both paths', async () => {
    const rows = [window(1), window(2)];
    const viaPredict = await Promise.all(rows.map(async (w) => (await postJson(`${t.url}/predict`, { samples: w, sampleRate: 32 })).body as { probabilities: number[]; level: number }));
    const flat = await postJson(`${t.url}/v2/models/${name}/infer`, gsr(rows, { id: '42' }));
    expect(flat.status).toBe(200);
    const body = flat.body as { id: string; model_name: string; model_version: string; outputs: Output[] };
    expect(body).toMatchObject({ id: '42', model_name: name, model_version: version });
    expect(body.outputs.map((o) => [o.name, o.datatype, o.shape])).toEqual([
      ['probabilities', 'FP32', [2, 5]],
      ['level', 'INT64', [2]],
      ['quality_ok', 'BOOL', [2]],
      ['quality_flags', 'BYTES', [2]],
    ]);
    expect(body.outputs[0]?.data).toEqual(viaPredict.flatMap((p) => p.probabilities));
    expect(body.outputs[1]?.data).toEqual(viaPredict.map((p) => p.level));
    const nested = await postJson(`${t.url}/v2/models/${name}/versions/${encodeURIComponent(version)}/infer`, { inputs: [{ name: 'gsr', shape: [2, 176], datatype: 'FP32', data: rows, parameters: { sampleRate: 32 } }] });
    expect(nested.status).toBe(200);
    expect((nested.body as typeof body).outputs).toEqual(body.outputs);

    const input = t.predictor.preprocess(Float32Array.from(rows[0] as number[]), 32, { parse: 0, resample: 0, filter: 0, inference: 0 });
    const tensor = await postJson(`${t.url}/v2/models/${name}/infer`, { inputs: [{ name: 'input', shape: [1, 176, 1], datatype: 'FP32', data: [Array.from(input, (v) => [v])] }] });
    expect(tensor.status).toBe(200);
    const tensorOutputs = (tensor.body as typeof body).outputs;
    expect(tensorOutputs.map((o) => o.name)).toEqual(['probabilities', 'level']);
    expect(tensorOutputs[0]?.data).toEqual(viaPredict[0]?.probabilities);
  });

  it('answers only the requested outputs, and 400 for an unknown one', async () => {
    const only = await postJson(`${t.url}/v2/models/${name}/infer`, gsr([window(3)], { outputs: [{ name: 'level' }, { name: 'quality_flags' }] }));
    expect((only.body as { outputs: Output[] }).outputs.map((o) => o.name)).toEqual(['level', 'quality_flags']);
    const unknown = await postJson(`${t.url}/v2/models/${name}/infer`, gsr([window(3)], { outputs: [{ name: 'output0' }] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: 'outputs[0].name "output0" is not an output of this model; outputs: probabilities, level, quality_ok, quality_flags' });
  });

  it('returns binary outputs with binary_data_output and reads binary inputs (binary tensor extension)', async () => {
    const rows = [window(4), window(5)];
    const json = (await postJson(`${t.url}/v2/models/${name}/infer`, gsr(rows))).body as { outputs: Output[] };
    const res = await fetch(`${t.url}/v2/models/${name}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(gsr(rows, { parameters: { binary_data_output: true } })) });
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const bytes = Buffer.from(await res.arrayBuffer());
    const headerLength = Number(res.headers.get('inference-header-content-length'));
    const header = JSON.parse(bytes.subarray(0, headerLength).toString('utf8')) as { outputs: Output[] };
    expect(header.outputs.map((o) => [o.name, o.parameters?.binary_data_size, o.data])).toEqual([
      ['probabilities', 40, undefined],
      ['level', 16, undefined],
      ['quality_ok', 2, undefined],
      ['quality_flags', 8, undefined],
    ]);
    const probabilities = new Float32Array(bytes.buffer.slice(bytes.byteOffset + headerLength, bytes.byteOffset + headerLength + 40));
    expect(Array.from(probabilities)).toEqual(Array.from(Float32Array.from(json.outputs[0]?.data as number[])));
    expect(bytes.readBigInt64LE(headerLength + 40)).toBe(BigInt((json.outputs[1]?.data as number[])[0] ?? -1));

    const data = Buffer.from(Float32Array.from(rows.flat()).buffer);
    const request = Buffer.from(JSON.stringify({ inputs: [{ name: 'gsr', shape: [2, 176], datatype: 'FP32', parameters: { sampleRate: 32, binary_data_size: data.byteLength } }], outputs: [{ name: 'probabilities' }] }));
    const binaryIn = await fetch(`${t.url}/v2/models/${name}/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'inference-header-content-length': String(request.byteLength) },
      body: Buffer.concat([request, data]),
    });
    expect(binaryIn.status).toBe(200);
    expect(((await binaryIn.json()) as { outputs: Output[] }).outputs[0]?.data).toEqual(json.outputs[0]?.data);
  });

  it('rejects malformed infer requests with 400/413/415 and an error string', async () => {
    const url = `${t.url}/v2/models/${name}/infer`;
    const n = t.predictor.info.windowSamples;
    const cases: [unknown, number, string][] = [
      [{}, 400, 'inputs must be an array'],
      [{ inputs: [{ name: 'x', shape: [1, n], datatype: 'FP32', data: [] }] }, 400, 'inputs[0].name'],
      [{ inputs: [{ name: 'input', shape: [1, n], datatype: 'INT8', data: [] }] }, 400, 'inputs[0].datatype'],
      [{ inputs: [{ name: 'input', shape: [1, 3], datatype: 'FP32', data: [1, 2, 3] }] }, 400, 'inputs[0].shape'],
      [{ inputs: [{ name: 'input', shape: [1, n], datatype: 'FP32', data: [1, 2] }] }, 400, 'inputs[0].data has 2 values'],
      [{ inputs: [{ name: 'input', shape: [1, n], datatype: 'FP32', data: [[1, 2]] }] }, 400, 'inputs[0].data[0] is nested'],
      [{ inputs: [{ name: 'input', shape: [1, -1], datatype: 'FP32', data: [] }] }, 400, 'inputs[0].shape[1]'],
      [{ inputs: [{ name: 'gsr', shape: [1, 22], datatype: 'FP32', data: new Array(22).fill(1) }] }, 400, 'inputs[0].parameters.sampleRate'],
      [{ inputs: [{ name: 'gsr', shape: [1, 10], datatype: 'FP32', data: new Array(10).fill(1), parameters: { sampleRate: 4 } }] }, 400, 'inputs[0].shape[1] is too short'],
      [{ inputs: [{ name: 'input', shape: [1, n], datatype: 'FP32', data: new Array(n).fill(0) }], outputs: [{ name: 'quality_ok' }] }, 400, 'needs the raw "gsr" input'],
      [{ inputs: [{ name: 'input', shape: [1000, n], datatype: 'FP32', data: [] }] }, 413, 'batch of 1000'],
    ];
    for (const [body, status, text] of cases) {
      const res = await postJson(url, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body).toEqual({ error: expect.stringContaining(text) });
    }
    const plain = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toEqual({ error: expect.stringContaining('Content-Type') });
  });
});
