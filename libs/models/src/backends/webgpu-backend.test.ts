import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { BackendError } from './backend-error.js';
import { createBackendRegistry } from './backend-registry.js';
import { builtinBackends } from './builtin-backends.js';
import type { WebGpuAdapter } from './gpu-adapter.js';
import { dawnGpu, webgpuCandidate, type AdapterSource } from './webgpu-backend.js';

/** A fresh Dawn adapter (lavapipe on a machine without a GPU). */
async function realAdapter(): Promise<WebGpuAdapter> {
  const adapter = await (await dawnGpu()).requestAdapter();
  if (adapter === null) throw new Error('Dawn found no adapter: run scripts/ensure-system.sh (Mesa lavapipe)');
  return adapter;
}

/** The real adapter reporting itself as a data-centre GPU: what `auto` sees on such a machine. */
const fakeHardware: AdapterSource = async () => {
  const real = await realAdapter();
  const info: GPUAdapterInfo = Object.create(real.info, {
    vendor: { value: 'nvidia' },
    architecture: { value: 'hopper' },
    device: { value: 'NVIDIA H100 80GB HBM3 (fake)' },
    description: { value: '' },
    isFallbackAdapter: { value: false },
  });
  return { features: real.features, limits: real.limits, info, requestDevice: (descriptor) => real.requestDevice(descriptor) };
};

/** A registry of the built-in candidates with the webgpu one reading `source`. */
function registryWith(source: AdapterSource) {
  const registry = createBackendRegistry();
  for (const candidate of builtinBackends()) registry.register(candidate);
  registry.register(webgpuCandidate(source));
  return registry;
}

describe('the webgpu candidate', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is chosen by auto on a hardware adapter, reports it, and computes on its device', async () => {
    const { name, tried, adapter } = await registryWith(fakeHardware).resolve('auto');
    expect(name).toBe('webgpu');
    expect(tried).toEqual([{ name: 'webgpu', ok: true }]);
    expect(adapter).toEqual({ vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H100 80GB HBM3 (fake)', description: '', software: false });
    const y = tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([1, 0, 0, 1], [2, 2]));
    expect(Array.from(await y.data())).toEqual([1, 2, 3, 4]);
    y.dispose();
  });

  it('is skipped by auto on a software adapter, with the adapter named in the reason', async () => {
    const { name, tried } = await registryWith(realAdapter).resolve('auto');
    expect(name).toBe('wasm');
    expect(tried[0]?.reason).toMatch(/^the only adapter is a software one \(mesa software · llvmpipe.*\), slower than wasm: auto skips it/);
  });

  it('says in one line why there is no adapter', async () => {
    const error = await registryWith(async () => null)
      .resolve('webgpu')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    if (!(error instanceof BackendError)) throw new Error(`expected a BackendError, got ${String(error)}`);
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(error.tried[0]?.reason).not.toContain('\n');
    expect(error.tried[0]?.reason).toMatch(/Vulkan|adapter/);
  });

  it('frees the device when the event loop empties, so a process that trained exits by itself', () => {
    const script = `
      import * as tf from '@tensorflow/tfjs';
      import { initBackend } from ${JSON.stringify(fileURLToPath(new URL('./init-backend.ts', import.meta.url)))};
      const info = await initBackend('webgpu');
      const x = tf.variable(tf.ones([4]));
      const g = tf.grad((v) => tf.sum(tf.square(v)))(x);
      console.log(info.name, (await g.data()).join(','));
      process.on('exit', () => console.log('released: ' + String(tf.findBackend('webgpu') === null)));
    `;
    const child = spawnSync(process.execPath, ['--conditions=@painkd/source', '--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.error, 'the process did not exit by itself within 60 s').toBeUndefined();
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toContain('webgpu 2,2,2,2');
    expect(child.stdout).toContain('released: true');
  });
});
