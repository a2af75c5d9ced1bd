/**
 * @module What painkd records about a WebGPU adapter (vendor, architecture, device), and whether it
 * is a software implementation — lavapipe/llvmpipe, SwiftShader, WARP — that computes on the CPU
 * and trains slower than the wasm backend.
 */

/** The adapter a WebGPU backend computes on, as reported by Dawn (`GPUAdapter.info`). */
export interface GpuAdapterInfo {
  /** E.g. `nvidia`, `amd`, `intel`, `mesa`. */
  readonly vendor: string;
  /** E.g. `ampere`, `rdna-3`, `software`. */
  readonly architecture: string;
  /** The device string, e.g. `NVIDIA H100 80GB HBM3` or `llvmpipe-llvm-15-0-6-256-bits-`. */
  readonly device: string;
  /** The driver's description, e.g. `llvmpipe: Mesa 25.0.7 (LLVM 15.0.6)`. */
  readonly description: string;
  /** A CPU implementation of the GPU API (never chosen by `auto`). */
  readonly software: boolean;
}

/** The slice of a `GPUAdapter` painkd reads and uses. */
export type WebGpuAdapter = Pick<GPUAdapter, 'features' | 'limits' | 'info' | 'requestDevice'>;

const SOFTWARE_NAMES = /llvmpipe|lavapipe|swiftshader|\bwarp\b|microsoft basic render/i;

/**
 * The recorded facts of `adapter`. `software` is true when the adapter says it is a fallback
 * adapter, when its architecture is `software`, or when a known CPU implementation names itself.
 *
 * @example
 * ```ts
 * const info = adapterInfoOf(adapter); // { vendor: 'mesa', architecture: 'software', …, software: true }
 * ```
 */
export function adapterInfoOf(adapter: Pick<WebGpuAdapter, 'info'>): GpuAdapterInfo {
  const { vendor, architecture, device, description } = adapter.info;
  const fallback = (adapter.info as { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  const software = fallback || architecture === 'software' || SOFTWARE_NAMES.test(`${device} ${description}`);
  return { vendor, architecture, device, description, software };
}

/**
 * One line naming the adapter: vendor, architecture, device (and the description when it adds to
 * the device string).
 *
 * @example
 * ```ts
 * describeAdapter(info); // 'nvidia hopper · NVIDIA H100 80GB HBM3'
 * ```
 */
export function describeAdapter(info: GpuAdapterInfo): string {
  const head = [info.vendor, info.architecture].filter((s) => s !== '').join(' ') || 'unknown vendor';
  const device = info.device || info.description || 'unknown device';
  const extra = info.description && info.description !== info.device && !info.description.includes(info.device) ? ` (${info.description})` : '';
  return `${head} · ${device}${extra}`;
}
