/**
 * @module The `webgpu` candidate: TensorFlow.js's WebGPU backend on Dawn's Node binding (the
 * `webgpu` npm package), which reaches NVIDIA, AMD and Intel GPUs through Vulkan (Metal, D3D12
 * elsewhere).
 *
 * Set-up: load Dawn, copy its WebGPU constants (`GPUBufferUsage`, …) onto `globalThis` and its
 * `GPU` object onto `navigator.gpu` (tfjs-backend-webgpu's constructor checks for it), request a
 * high-performance adapter, open a device with the limits tfjs-backend-webgpu asks for (the same
 * list its browser factory requests), and register the backend with that device. tfjs's own
 * browser registration never runs (`navigator.gpu` is absent when it is imported), so `webgpu`
 * exists only once this candidate has opened a device. `WEBGPU_CPU_FORWARD` is turned off: tfjs
 * would otherwise run small ops on the CPU and shuttle their inputs back and forth.
 *
 * `auto` takes only a hardware adapter: a software one (Mesa lavapipe, SwiftShader) trains slower
 * than wasm. Selected by name, any adapter is used — that is how the tests run on lavapipe.
 * When no adapter exists, the reason is one line from {@link diagnoseNoAdapter}. The device is
 * destroyed when the event loop empties (`beforeExit`), so a finished run exits by itself.
 */
import * as tf from '@tensorflow/tfjs';
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { activateBackend } from './activate-backend.js';
import type { BackendCandidate } from './backend-registry.js';
import { adapterInfoOf, describeAdapter, type GpuAdapterInfo, type WebGpuAdapter } from './gpu-adapter.js';
import { diagnoseNoAdapter } from './vulkan-diagnosis.js';

/** Yields a WebGPU adapter, or null when the system has none. */
export type AdapterSource = () => Promise<WebGpuAdapter | null>;

/** The device tfjs's `webgpu` backend is registered with, and who opened it. */
interface OpenDevice {
  readonly device: GPUDevice;
  readonly info: GpuAdapterInfo;
  readonly source: AdapterSource;
}

let open: OpenDevice | undefined;
let gpu: Promise<GPU> | undefined;
let exitHook = false;

/**
 * Dawn's `GPU` object (created once per process), with the WebGPU constants installed on
 * `globalThis`. Throws a readable error when the `webgpu` package cannot load.
 *
 * @example
 * ```ts
 * const adapter = await (await dawnGpu()).requestAdapter();
 * ```
 */
export function dawnGpu(): Promise<GPU> {
  gpu ??= (async () => {
    let dawn: typeof import('webgpu');
    try {
      dawn = await import('webgpu');
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`cannot load Dawn (the webgpu package): ${message}`);
    }
    for (const [key, value] of Object.entries(dawn.globals)) {
      if (!(key in globalThis)) Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
    }
    const created = dawn.create([]);
    // tfjs-backend-webgpu's constructor refuses to run unless `navigator.gpu` exists.
    if (typeof globalThis.navigator === 'undefined') Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true, writable: true });
    Object.defineProperty(globalThis.navigator, 'gpu', { value: created, configurable: true, writable: true });
    return created;
  })();
  return gpu;
}

/**
 * A high-performance adapter from Dawn, or null when it finds none.
 *
 * @example
 * ```ts
 * const candidate = webgpuCandidate(dawnAdapter);
 * ```
 */
export async function dawnAdapter(): Promise<WebGpuAdapter | null> {
  return (await dawnGpu()).requestAdapter({ powerPreference: 'high-performance' });
}

/** Destroys the open device and unregisters tfjs's `webgpu` backend (no-op when none is open). */
export function releaseWebGpu(): void {
  if (!open) return;
  if (tf.findBackend('webgpu') !== null) tf.removeBackend('webgpu');
  open.device.destroy();
  open = undefined;
}

async function openDevice(adapter: WebGpuAdapter, info: GpuAdapterInfo, source: AdapterSource): Promise<void> {
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: {
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxComputeWorkgroupsPerDimension: limits.maxComputeWorkgroupsPerDimension,
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupSizeX: limits.maxComputeWorkgroupSizeX,
      maxComputeInvocationsPerWorkgroup: limits.maxComputeInvocationsPerWorkgroup,
    },
  });
  releaseWebGpu();
  if (tf.findBackend('webgpu') !== null) tf.removeBackend('webgpu');
  const adapterInfo = adapter.info;
  tf.registerBackend('webgpu', () => new WebGPUBackend(device, adapterInfo));
  if (!exitHook) process.once('beforeExit', releaseWebGpu);
  exitHook = true;
  open = { device, info, source };
}

/**
 * The `webgpu` registry candidate (highest priority). `source` supplies the adapter: Dawn's by
 * default; tests pass a wrapped one.
 *
 * @example
 * ```ts
 * registry.register(webgpuCandidate());
 * const { adapter } = await registry.resolve('webgpu'); // adapter.vendor, .architecture, .device
 * ```
 */
export function webgpuCandidate(source: AdapterSource = dawnAdapter): BackendCandidate {
  return {
    name: 'webgpu',
    priority: 5,
    async init(_options, { auto }) {
      let info = open?.source === source ? open.info : undefined;
      if (info === undefined) {
        const adapter = await source();
        if (adapter === null) throw new Error(diagnoseNoAdapter());
        info = adapterInfoOf(adapter);
        if (!(auto && info.software)) await openDevice(adapter, info, source);
      }
      if (auto && info.software) {
        throw new Error(`the only adapter is a software one (${describeAdapter(info)}), slower than wasm: auto skips it (select it with --backend webgpu)`);
      }
      tf.env().set('WEBGPU_CPU_FORWARD', false);
      await activateBackend('webgpu');
      return { adapter: info };
    },
  };
}
