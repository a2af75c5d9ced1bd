import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../errors.js';
import { createInferenceSession } from './create-inference-session.js';
import { createRuntimeRegistry } from './runtime-registry.js';
import { loadWebRuntime } from './web-runtime.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const expected = JSON.parse(await readFile(fixture('tiny.json'), 'utf8')) as { input: number[]; batch: number; logits: number[] };

describe('createInferenceSession', () => {
  for (const runtime of ['node', 'web'] as const) {
    it(`runs the fixture on ${runtime} and matches numpy's logits`, async () => {
      const session = await createInferenceSession(fixture('tiny.onnx'), { runtime, threads: 1 });
      expect(session.runtime).toBe(runtime);
      expect(session.inputShape).toEqual(['batch', 8, 1]);
      const { logits } = await session.run(Float32Array.from(expected.input), expected.batch);
      expect(logits).toHaveLength(6);
      logits.forEach((v, i) => expect(v).toBeCloseTo(expected.logits[i]!, 5));
      await session.dispose();
      await expect(session.run(new Float32Array(8), 1)).rejects.toMatchObject({ code: 'SESSION_DISPOSED' });
    });
  }

  it('prefers onnxruntime-node under auto and falls back to web when node cannot load', async () => {
    const bytes = new Uint8Array(await readFile(fixture('tiny.onnx')));
    expect((await createInferenceSession(bytes)).runtime).toBe('node');
    const registry = createRuntimeRegistry();
    registry.register('node', 20, () => Promise.reject(new Error('no native binary for this platform')));
    registry.register('web', 10, loadWebRuntime);
    const session = await createInferenceSession(bytes, { registry });
    expect(session.runtime).toBe('web');
    await session.dispose();
  });

  it('queues concurrent runs and answers each with its own window', async () => {
    const session = await createInferenceSession(fixture('tiny.onnx'), { runtime: 'web' });
    const input = Float32Array.from(expected.input);
    const [a, b] = await Promise.all([session.run(input.subarray(0, 8), 1), session.run(input.subarray(8), 1)]);
    expect(a.logits[0]).toBeCloseTo(expected.logits[0]!, 5);
    expect(b.logits[0]).toBeCloseTo(expected.logits[3]!, 5);
    await session.dispose();
  });

  it('rejects wrong input sizes, bad batches, garbage bytes and models without logits', async () => {
    const session = await createInferenceSession(fixture('tiny.onnx'), { runtime: 'node' });
    await expect(session.run(new Float32Array(7), 1)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(session.run(new Float32Array(8), 0)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await session.dispose();
    await expect(createInferenceSession(new Uint8Array([1, 2, 3]), { runtime: 'node' })).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });
    await expect(createInferenceSession(fixture('no-logits.onnx'), { runtime: 'node' })).rejects.toMatchObject({ code: 'MODEL_BAD_INTERFACE' });
    await expect(createInferenceSession(fixture('absent.onnx'))).rejects.toBeInstanceOf(RuntimeError);
  });
});
