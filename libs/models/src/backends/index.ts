/** @module Public exports of backend selection. */
export * from './backend-error.js';
export {
  createBackendRegistry,
  type BackendCandidate,
  type BackendDetails,
  type BackendInitContext,
  type BackendInitOptions,
  type BackendRegistry,
  type BackendResolution,
} from './backend-registry.js';
export { adapterInfoOf, describeAdapter, type GpuAdapterInfo, type WebGpuAdapter } from './gpu-adapter.js';
export { BACKEND_NAMES, activeBackend, initBackend, type BackendInfo, type BackendName } from './init-backend.js';
export { dawnGpu, webgpuCandidate, type AdapterSource } from './webgpu-backend.js';
