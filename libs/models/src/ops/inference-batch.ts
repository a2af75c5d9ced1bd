/**
 * @module How many windows one inference pass should take on the active backend. A GPU wants
 * few, large dispatches (validation and the teacher cache in one or two passes); host backends
 * keep the batch moderate so activations stay small in their heap.
 */
import { hostMemory } from './host-view.js';

/** Windows per forward pass on host-memory backends (wasm, cpu). */
const HOST_BATCH = 512;
/** Windows per forward pass on GPU backends: a teacher's largest activation is then ≈ 50 MB. */
const DEVICE_BATCH = 4096;

/**
 * Windows per inference pass for the backend active now: 512 on host-memory backends, 4096 on
 * GPU backends.
 *
 * @example
 * ```ts
 * for (let start = 0; start < n; start += inferenceBatchSize()) { … }
 * ```
 */
export function inferenceBatchSize(): number {
  return hostMemory() ? HOST_BATCH : DEVICE_BATCH;
}
