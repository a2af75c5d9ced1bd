import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BackendError } from './backend-error.js';
import { createBackendRegistry } from './backend-registry.js';
import { adapterInfoOf } from './gpu-adapter.js';
import { initBackend } from './init-backend.js';
import { dawnAdapter } from './webgpu-backend.js';

describe('initBackend', () => {
  it('auto takes webgpu only on a hardware adapter (else wasm) and says why the others failed', async () => {
    const adapter = await dawnAdapter();
    expect(adapter, 'ensure-system.sh installs Mesa lavapipe, so Dawn finds at least a software adapter').not.toBeNull();
    const software = adapterInfoOf(adapter!).software;
    const info = await initBackend('auto');
    expect(info.name).toBe(software ? 'wasm' : 'webgpu');
    expect(tf.getBackend()).toBe(info.name);
    expect(info.tried[0]?.name).toBe('webgpu');
    if (software) {
      expect(info.tried.map((t) => t.name)).toEqual(['webgpu', 'tfjs-node-gpu', 'tfjs-node', 'wasm']);
      expect(info.tried[0]?.reason).toMatch(/software one .*slower than wasm: auto skips it/);
      expect(info.tried[1]?.reason).toMatch(/@tensorflow\/tfjs-node-gpu/);
      expect(info.tried[2]?.reason).toMatch(/@tensorflow\/tfjs-node/);
      expect(info.tried[3]).toEqual({ name: 'wasm', ok: true });
      expect(info.adapter).toBeUndefined();
    } else {
      expect(info.adapter?.software).toBe(false);
    }
    expect(info.threads).toBe(1);
  });

  it('selects webgpu by name even on a software adapter, names the adapter, and computes on it', async () => {
    const info = await initBackend('webgpu');
    expect(info.name).toBe('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    expect(info.adapter?.vendor).not.toBe('');
    expect(info.adapter?.device).not.toBe('');
    const sum = tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4]));
    expect(Array.from(await sum.data())).toEqual([4, 6]);
    sum.dispose();
    await initBackend('wasm');
  });

  it('selects a named backend alone and computes on it', async () => {
    const info = await initBackend('cpu');
    expect(info).toEqual({ name: 'cpu', tried: [{ name: 'cpu', ok: true }], threads: 1 });
    expect(tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0]).toBe(5);
    await initBackend('wasm', { threads: 2 });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('throws coded errors for unknown names, bad options and a missing native backend', async () => {
    await expect(initBackend('tpu' as never)).rejects.toMatchObject({ code: 'BACKEND_UNKNOWN' });
    await expect(initBackend('wasm', { threads: 0 })).rejects.toMatchObject({ code: 'BACKEND_BAD_OPTIONS' });
    const error = await initBackend('tfjs-node').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe('BACKEND_UNAVAILABLE');
    expect((error as BackendError).tried).toHaveLength(1);
    expect((error as BackendError).message).toMatch(/tfjs-node: cannot load optional package/);
  });

  it('lists every failure when no candidate works', async () => {
    const registry = createBackendRegistry();
    registry.register({ name: 'b', priority: 2, init: () => Promise.reject(new Error('no b')) });
    registry.register({ name: 'a', priority: 1, init: () => Promise.reject(new Error('no a')) });
    expect(registry.names()).toEqual(['a', 'b']);
    const error = (await registry.resolve('auto').catch((e: unknown) => e)) as BackendError;
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(error.tried).toEqual([
      { name: 'a', ok: false, reason: 'no a' },
      { name: 'b', ok: false, reason: 'no b' },
    ]);
  });
});
