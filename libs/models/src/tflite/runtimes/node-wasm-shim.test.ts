import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInferenceSession } from '@painkd/runtime';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../backends/index.js';
import { exportOnnx } from '../../onnx/export-onnx.js';
import { randomWeights, testSpec, testWindows } from '../../onnx/test-support/random-net.js';
import { exportTflite } from '../export-tflite.js';
import { nextImportScripts, withNodeWasmShim } from './node-wasm-shim.js';
import { createTfliteSession, TFLITE_RUNTIMES } from './tflite-session.js';

const g = globalThis as unknown as Record<string, unknown>;
const spec = testSpec([{ kind: 'globalAvgPool1d', name: 'gap' }, { kind: 'dense', name: 'out', units: 5, useBias: true }]);

describe('withNodeWasmShim', () => {
  it('gives a load worker-like globals, serves its wasm folder from disk, and restores everything after the last concurrent load', async () => {
    const fetchBefore = globalThis.fetch;
    const dir = (await mkdtemp(join(tmpdir(), 'painkd-shim-'))) + '/';
    await writeFile(join(dir, 'glue.js'), 'var TestModuleFactory = () => 42;\nmodule.exports = TestModuleFactory;\n');
    try {
      const attempted = nextImportScripts();
      const seen = await withNodeWasmShim(dir, async () => {
        const inner = await withNodeWasmShim(dir, async () => typeof g['importScripts']);
        (g['importScripts'] as (url: string) => void)(join(dir, 'glue.js'));
        const served = await (await fetch(join(dir, 'glue.js'))).text();
        return { inner, self: g['self'] === globalThis, factory: (g['TestModuleFactory'] as () => number)(), served };
      });
      await attempted;
      expect(seen).toEqual({ inner: 'function', self: true, factory: 42, served: expect.stringContaining('TestModuleFactory') });
      for (const name of ['self', 'location', 'importScripts']) expect(name in globalThis, name).toBe(false);
      expect(globalThis.fetch).toBe(fetchBefore);
    } finally {
      delete g['TestModuleFactory'];
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('leaves no worker-like globals behind once both runtimes are loaded, and onnxruntime-web and the tfjs wasm backend still work', async () => {
    await initBackend('wasm');
    const weights = randomWeights(spec, 2);
    const x = testWindows(1, 64, 1, 3);
    const outs: number[][] = [];
    for (const runtime of TFLITE_RUNTIMES) {
      const s = await createTfliteSession(exportTflite(spec, weights), runtime);
      outs.push([...(await s.run(x))]);
      await s.dispose();
    }
    for (const name of ['self', 'location', 'importScripts']) expect(name in globalThis, name).toBe(false);
    const web = await createInferenceSession(exportOnnx(spec, weights), { runtime: 'web' });
    const { logits } = await web.run(x, 1);
    await web.dispose();
    for (const o of outs) o.forEach((v, i) => expect(v).toBeCloseTo(logits[i]!, 5));
  });
});
