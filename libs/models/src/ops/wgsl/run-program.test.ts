import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram, type ProgramSpec } from './run-program.js';
import { readAll, useBackend } from '../../testing/tensors.js';

/** `a · x + b · y + shift` elementwise, with integer and float uniforms mixed. */
const axpby: ProgramSpec = {
  key: 'test_axpby',
  variableNames: ['x', 'y'],
  outputShape: [5],
  uniforms: 'a : f32, b : f32, offset : i32, shift : f32,',
  layout: 'elementwise',
  code: `
fn main(index : i32) {
  if (index < uniforms.size) {
    setOutputAtIndex(index, uniforms.a * x[index] + uniforms.b * y[index] + f32(uniforms.offset) + uniforms.shift);
  }
}`,
};

describe('runProgram on webgpu', () => {
  afterAll(async () => {
    await useBackend('cpu');
  });

  it('runs a WGSL program with scalar uniforms of both types in declaration order', async () => {
    await useBackend('webgpu');
    const x = tf.tensor1d([1, 2, 3, 4, 5]);
    const y = tf.tensor1d([10, 20, 30, 40, 50]);
    const out = runProgram(axpby, [x, y], [
      ['float32', 2],
      ['float32', 0.5],
      ['int32', 100],
      ['float32', 0.25],
    ]);
    expect(out.shape).toEqual([5]);
    const [values] = await readAll([out]);
    expect(Array.from(values!)).toEqual([107.25, 114.25, 121.25, 128.25, 135.25]);
    tf.dispose([x, y]);
  });
});
