/**
 * @module The first step of `scripts/gpu-check.sh`: opens the WebGPU backend and prints the
 * adapter it computes on, or the one-line reason there is none (exit code 1).
 */
import { BackendError, describeAdapter, initBackend } from '@painkd/models';

try {
  const info = await initBackend('webgpu');
  const adapter = info.adapter!;
  console.log(`webgpu adapter: ${describeAdapter(adapter)}`);
  if (adapter.software) console.log('warning: a software adapter (CPU): the figures below are not GPU figures');
} catch (error) {
  const reason = error instanceof BackendError ? (error.tried[0]?.reason ?? error.message) : String(error);
  console.error(`no WebGPU adapter: ${reason}`);
  process.exitCode = 1;
}
