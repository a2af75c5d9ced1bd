/**
 * @module The WGSL gradient of 1-D max pooling ('valid') on a `[batch, length, channels]` input:
 * one thread per input element gathers the output gradients of the windows whose first maximum it
 * is — the same tie rule as tfjs's cpu and wasm `MaxPoolGrad` and the host loop of
 * max-pool1d.ts (tfjs-backend-webgpu's own kernel takes the last maximum, and needs two
 * dispatches plus two more for a ReLU mask). With `positiveOnly`, windows whose maximum is not
 * positive pass no gradient (the pool reads a ReLU output whose mask was skipped).
 */
import type { ProgramSpec } from './run-program.js';

/** dL/dx `[size]` from `x` and `dy` (`[batch, outLength, channels]`), for pool `poolSize`, `stride`. */
export function maxPoolGradProgram(size: number, poolSize: number, stride: number, positiveOnly: boolean): ProgramSpec {
  return {
    key: `max_pool_grad_${poolSize}_${stride}_${positiveOnly}`,
    variableNames: ['x', 'dy'],
    outputShape: [size],
    uniforms: 'length : i32, outLength : i32, channels : i32,',
    layout: 'elementwise',
    code: `
fn main(index : i32) {
  if (index < uniforms.size) {
    let c = index % uniforms.channels;
    let t = (index / uniforms.channels) % uniforms.length;
    let row = index / (uniforms.channels * uniforms.length);
    let first = max(0, (t - ${poolSize} + ${stride}) / ${stride});
    let last = min(uniforms.outLength - 1, t / ${stride});
    var grad = 0.0;
    for (var j = first; j <= last; j = j + 1) {
      let start = j * ${stride};
      var best = start;
      var value = x[(row * uniforms.length + start) * uniforms.channels + c];
      for (var k = 1; k < ${poolSize}; k = k + 1) {
        let candidate = x[(row * uniforms.length + start + k) * uniforms.channels + c];
        if (candidate > value) {
          value = candidate;
          best = start + k;
        }
      }
      if (best == t${positiveOnly ? ' && value > 0.0' : ''}) {
        grad = grad + dy[(row * uniforms.outLength + j) * uniforms.channels + c];
      }
    }
    setOutputAtIndex(index, grad);
  }
}`,
  };
}
