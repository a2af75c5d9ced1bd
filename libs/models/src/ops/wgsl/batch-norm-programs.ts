/**
 * @module WGSL programs of training-mode batch normalisation on a `[rows, channels]` view (rows =
 * batch × length): per-channel statistics, the normalisation (with an optional ReLU), the
 * moving-statistics update and the two backward passes. Four dispatches forward and two (plus
 * two slices) backward, where the same arithmetic in tfjs ops costs about thirty. Reductions run
 * one 64-thread workgroup per channel, two-pass (mean, then the centred sum of squares).
 */
import { WORKGROUP, type ProgramSpec } from './run-program.js';

const WORKGROUP_SUM = `
var<workgroup> acc : array<f32, ${WORKGROUP}>;

fn workgroupSum(value : f32) -> f32 {
  acc[localId.x] = value;
  workgroupBarrier();
  for (var width = ${WORKGROUP / 2}u; width > 0u; width = width / 2u) {
    if (localId.x < width) {
      acc[localId.x] = acc[localId.x] + acc[localId.x + width];
    }
    workgroupBarrier();
  }
  let total = acc[0];
  workgroupBarrier();
  return total;
}`;

/**
 * `xhat` and the (optionally ReLU-masked) output gradient `dz` of element `i` in channel `c`.
 * Without the mask γ and β are still read (a phony assignment): Dawn derives each pipeline's
 * bindings from the shader, and tfjs binds every input, so an unread input is a validation error.
 */
function normalised(maskRelu: boolean): string {
  return `
    let invStd = inverseSqrt(stats[uniforms.channels + c] + uniforms.epsilon);
    let xhat = (x[i] - stats[c]) * invStd;
    var dz = dy[i];
    ${maskRelu ? 'if (xhat * gamma[c] + beta[c] <= 0.0) { dz = 0.0; }' : '_ = gamma[c] + beta[c];'}`;
}

/** `[2, C]`: per-channel mean (row 0) and biased variance (row 1) of `x` `[rows, C]`. */
export function channelStatsProgram(channels: number): ProgramSpec {
  return {
    key: 'bn_stats',
    variableNames: ['x'],
    outputShape: [2, channels],
    uniforms: 'rows : i32, channels : i32,',
    layout: { perChannel: channels },
    code: `${WORKGROUP_SUM}
fn main(index : i32) {
  let c = i32(workgroupId.x);
  var s = 0.0;
  for (var r = i32(localId.x); r < uniforms.rows; r = r + ${WORKGROUP}) {
    s = s + x[r * uniforms.channels + c];
  }
  let mean = workgroupSum(s) / f32(uniforms.rows);
  var q = 0.0;
  for (var r = i32(localId.x); r < uniforms.rows; r = r + ${WORKGROUP}) {
    let d = x[r * uniforms.channels + c] - mean;
    q = q + d * d;
  }
  let variance = workgroupSum(q) / f32(uniforms.rows);
  if (localId.x == 0u) {
    setOutputAtIndex(c, mean);
    setOutputAtIndex(uniforms.channels + c, variance);
  }
}`,
  };
}

/** `relu?((x − mean) / √(var + ε) · γ + β)` elementwise, statistics from {@link channelStatsProgram}. */
export function normalizeProgram(size: number, relu: boolean): ProgramSpec {
  return {
    key: `bn_apply_${relu}`,
    variableNames: ['x', 'stats', 'gamma', 'beta'],
    outputShape: [size],
    uniforms: 'channels : i32, epsilon : f32,',
    layout: 'elementwise',
    code: `
fn main(index : i32) {
  if (index < uniforms.size) {
    let c = index % uniforms.channels;
    let invStd = inverseSqrt(stats[uniforms.channels + c] + uniforms.epsilon);
    let v = (x[index] - stats[c]) * invStd * gamma[c] + beta[c];
    setOutputAtIndex(index, ${relu ? 'max(v, 0.0)' : 'v'});
  }
}`,
  };
}

/**
 * `momentum · moving + (1 − momentum) · stats[row]`, for the moving mean (row 0) or variance
 * (row 1); 1 − momentum is a uniform computed in float64 (see adam-programs.ts).
 */
export function movingUpdateProgram(channels: number): ProgramSpec {
  return {
    key: 'bn_moving',
    variableNames: ['moving', 'stats'],
    outputShape: [channels],
    uniforms: 'channels : i32, row : i32, momentum : f32, keep : f32,',
    layout: 'elementwise',
    code: `
fn main(index : i32) {
  if (index < uniforms.size) {
    let batch = stats[uniforms.row * uniforms.channels + index];
    setOutputAtIndex(index, uniforms.momentum * moving[index] + uniforms.keep * batch);
  }
}`,
  };
}

/**
 * `[2, C]`: Σ dz (row 0, = dβ) and Σ dz · x̂ (row 1, = dγ) per channel, with `dz` the output
 * gradient, masked by the ReLU's sign when `maskRelu`.
 */
export function gradSumsProgram(channels: number, maskRelu: boolean): ProgramSpec {
  return {
    key: `bn_grad_sums_${maskRelu}`,
    variableNames: ['dy', 'x', 'stats', 'gamma', 'beta'],
    outputShape: [2, channels],
    uniforms: 'rows : i32, channels : i32, epsilon : f32,',
    layout: { perChannel: channels },
    code: `${WORKGROUP_SUM}
fn main(index : i32) {
  let c = i32(workgroupId.x);
  var sumDz = 0.0;
  var sumDzXhat = 0.0;
  for (var r = i32(localId.x); r < uniforms.rows; r = r + ${WORKGROUP}) {
    let i = r * uniforms.channels + c;
    ${normalised(maskRelu)}
    sumDz = sumDz + dz;
    sumDzXhat = sumDzXhat + dz * xhat;
  }
  let a = workgroupSum(sumDz);
  let b = workgroupSum(sumDzXhat);
  if (localId.x == 0u) {
    setOutputAtIndex(c, a);
    setOutputAtIndex(uniforms.channels + c, b);
  }
}`,
  };
}

/** dL/dx = γ/σ · (dz − Σdz/N − x̂ · Σ(dz·x̂)/N), elementwise, sums from {@link gradSumsProgram}. */
export function inputGradProgram(size: number, maskRelu: boolean): ProgramSpec {
  return {
    key: `bn_input_grad_${maskRelu}`,
    variableNames: ['dy', 'x', 'stats', 'gamma', 'beta', 'sums'],
    outputShape: [size],
    uniforms: 'rows : i32, channels : i32, epsilon : f32,',
    layout: 'elementwise',
    code: `
fn main(index : i32) {
  if (index < uniforms.size) {
    let i = index;
    let c = index % uniforms.channels;
    ${normalised(maskRelu)}
    let n = f32(uniforms.rows);
    let dx = gamma[c] * invStd * (dz - sums[c] / n - xhat * sums[uniforms.channels + c] / n);
    setOutputAtIndex(index, dx);
  }
}`,
  };
}
