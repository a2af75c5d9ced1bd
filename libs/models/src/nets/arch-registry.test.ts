import { describe, expect, it } from 'vitest';
import { buildNetSpec, listArchs, registerArch } from './arch-registry.js';
import { NetError } from './net-error.js';
import { countParams, hiddenSizeOf, inferShapes } from './net-shapes.js';

const io = { inputLength: 176, channels: 1, classes: 5 };

describe('architecture registry', () => {
  it('lists the built-in architectures', () => {
    expect(listArchs()).toEqual(expect.arrayContaining(['seed-conv1d', 'student-tiny', 'teacher-cnn']));
  });

  it('same arch and config give an identical spec, and the resolved config rebuilds it', () => {
    const a = buildNetSpec('teacher-cnn', { dropout: 0.2 }, io);
    const b = buildNetSpec('teacher-cnn', { dropout: 0.2 }, io);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(buildNetSpec(a.arch, a.config, io)).toEqual(a);
    expect(a.config).toMatchObject({ dropout: 0.2, filters: [32, 64, 128, 128] });
  });

  it('sizes the teacher at 100k–300k parameters and the student at ≤ 10k', () => {
    const teacher = countParams(buildNetSpec('teacher-cnn', {}, io)).trainable;
    const student = countParams(buildNetSpec('student-tiny', {}, io)).trainable;
    expect(teacher).toBeGreaterThanOrEqual(100_000);
    expect(teacher).toBeLessThanOrEqual(300_000);
    expect(student).toBeLessThanOrEqual(10_000);
    expect(hiddenSizeOf(buildNetSpec('teacher-cnn', {}, io))).toBe(128);
  });

  it('seed-conv1d has the seed layers with the ReLU after the first dense layer', () => {
    const spec = buildNetSpec('seed-conv1d', {}, io);
    expect(spec.layers.map((l) => l.kind)).toEqual(['conv1d', 'relu', 'maxPool1d', 'conv1d', 'relu', 'maxPool1d', 'flatten', 'dense', 'relu', 'dense']);
    expect(spec.layers[0]).toMatchObject({ filters: 32, kernelSize: 5, stride: 2, padding: 'valid' });
    const shapes = inferShapes(spec);
    expect(shapes[6]!.outShape).toEqual([19 * 64]);
  });

  it('rejects unknown archs, unknown keys, bad values and inputs too short', () => {
    expect(() => buildNetSpec('nope', {}, io)).toThrow(expect.objectContaining({ code: 'NET_ARCH_UNKNOWN' }));
    expect(() => buildNetSpec('teacher-cnn', { filterz: [1] }, io)).toThrow(/unknown config key "filterz"/);
    expect(() => buildNetSpec('teacher-cnn', { dropout: 'x' }, io)).toThrow(NetError);
    expect(() => buildNetSpec('teacher-cnn', { filters: [32, 64], kernelSizes: [3] }, io)).toThrow(/one entry per filters/);
    expect(() => buildNetSpec('seed-conv1d', {}, { ...io, inputLength: 12 })).toThrow(expect.objectContaining({ code: 'NET_BAD_CONFIG' }));
    expect(() => buildNetSpec('student-tiny', {}, { ...io, classes: 0 })).toThrow(expect.objectContaining({ code: 'NET_BAD_CONFIG' }));
  });

  it('registers new architectures once', () => {
    registerArch('test-mlp', (config, { classes }) => ({
      config,
      layers: [
        { kind: 'flatten', name: 'flat' },
        { kind: 'dense', name: 'logits', units: classes, useBias: true },
      ],
    }));
    expect(countParams(buildNetSpec('test-mlp', {}, io)).trainable).toBe(176 * 5 + 5);
    expect(() => registerArch('test-mlp', () => ({ config: {}, layers: [] }))).toThrow(expect.objectContaining({ code: 'NET_ARCH_EXISTS' }));
  });
});
