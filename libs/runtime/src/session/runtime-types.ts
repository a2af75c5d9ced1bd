/**
 * @module The interface every ONNX runtime adapter implements (onnxruntime-node, onnxruntime-web):
 * both expose the onnxruntime-common API (typed here through onnxruntime-node's re-export), so an adapter only has to load its module and configure
 * threads.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-node';

/** Names of the runtimes painkd knows. */
export type RuntimeName = 'node' | 'web';

/** An initialised runtime: its name and its onnxruntime-common API. */
export interface OnnxRuntime {
  readonly name: RuntimeName;
  /** Creates a session from model bytes with the runtime's thread settings applied. */
  createSession(model: Uint8Array): Promise<InferenceSession>;
  /** Wraps a float32 array as a tensor of this runtime. */
  floatTensor(data: Float32Array, dims: readonly number[]): Tensor;
}

/** Loads and initialises a runtime with `threads` intra-op threads; throws when it cannot. */
export type RuntimeLoader = (threads: number) => Promise<OnnxRuntime>;
