/**
 * @module Runs a WGSL compute program of painkd's on tfjs-backend-webgpu, as one dispatch, and
 * wraps the result in a tensor. The programs follow tfjs's own conventions (`WebGPUProgram`):
 * inputs are read-only storage arrays named by `variableNames`, the output is written with
 * `setOutputAtIndex`, and per-call numbers travel as uniforms after tfjs's own.
 */
import * as tf from '@tensorflow/tfjs';
import { webgpu_util, type WebGPUBackend, type WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/**
 * One scalar uniform, in the order of the program's `uniforms` declaration. Scalars only: tfjs
 * lays out a multi-value entry as a vector (a 3-value entry at 16-byte alignment), which would no
 * longer match scalar struct fields.
 */
export type ProgramUniform = readonly ['int32' | 'float32', number];

/** What a painkd program declares; the dispatch geometry is derived from it. */
export interface ProgramSpec {
  /** Unique per distinct WGSL source (tfjs caches compiled pipelines by it and the input ranks). */
  readonly key: string;
  readonly variableNames: string[];
  readonly outputShape: number[];
  /** Extra uniforms, WGSL struct-field syntax (`rows : i32, momentum : f32,`). */
  readonly uniforms?: string;
  /** `elementwise`: one thread per output element (`index`); `perChannel`: one 64-thread workgroup per channel. */
  readonly layout: 'elementwise' | { readonly perChannel: number };
  /** The body: WGSL with `fn main(index : i32) { … }`. */
  readonly code: string;
}

/** Threads per workgroup of every painkd program. */
export const WORKGROUP = 64;

function program(spec: ProgramSpec): WebGPUProgram {
  const dispatchLayout = webgpu_util.flatDispatchLayout(spec.outputShape);
  const workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  const dispatch: [number, number, number] =
    spec.layout === 'elementwise' ? webgpu_util.computeDispatch(dispatchLayout, spec.outputShape, workgroupSize) : [spec.layout.perChannel, 1, 1];
  return {
    variableNames: spec.variableNames,
    outputShape: spec.outputShape,
    shaderKey: `painkd_${spec.key}`,
    dispatchLayout,
    dispatch,
    workgroupSize,
    size: true,
    ...(spec.uniforms ? { uniforms: spec.uniforms } : {}),
    getUserCode: () => spec.code,
  };
}

/**
 * Runs `spec` on the active webgpu backend with `inputs` (float32) and returns the float32 output.
 *
 * @example
 * ```ts
 * const y = runProgram(spec, [x, stats], [['int32', channels], ['float32', 1e-3]]);
 * ```
 */
export function runProgram(spec: ProgramSpec, inputs: readonly tf.Tensor[], uniforms: readonly ProgramUniform[] = []): tf.Tensor {
  const backend = tf.backend() as WebGPUBackend;
  const info = backend.runWebGPUProgram(program(spec), [...inputs], 'float32', uniforms.map(([type, value]) => ({ type, data: [value] })));
  return tf.engine().makeTensorFromTensorInfo(info);
}
