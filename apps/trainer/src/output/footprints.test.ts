import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from '@painkd/distill';
import { buildNetSpec, createNet, exportOnnx, netStats } from '@painkd/models';
import { measureFootprints } from './footprints.js';

describe('measureFootprints', () => {
  it('gives every size and the teacher their parameters, MACs, file sizes and a measured latency', async () => {
    await tf.setBackend('cpu');
    const config = resolveExperimentConfig({
      student: { arch: 'student-tiny', config: { firstStride: 1 }, view: 'lab', sizes: [{ id: 'xs', config: { filters: [2, 4], kernelSizes: [3, 3], hiddenUnits: 4 } }, { id: 'l', config: {} }] },
      runs: [{ id: 'student-ce', loss: { ce: 1 } }, { id: 'student-kd', loss: { ce: 0.5, kd: { weight: 0.5, temperature: 2 } } }],
    });
    const io = { inputLength: 22, channels: 1, classes: 2 };
    const windows = Array.from({ length: 8 }, (_, w) => Float32Array.from({ length: 22 }, (_, t) => Math.sin(t / 3 + w)));
    const teacherSpec = buildNetSpec('teacher-cnn', { filters: [8, 8], kernelSizes: [3, 3], hiddenUnits: 8 }, io);
    const net = createNet(teacherSpec, { seed: 2 });
    const teacherWeights = await net.readWeights();
    net.dispose();
    const teacher = { spec: teacherSpec, onnx: exportOnnx(teacherSpec, teacherWeights) };

    const footprints = await measureFootprints(config, io, { windows, teacher, budgetMs: 30 });
    expect(footprints.map((f) => [f.id, f.role])).toEqual([['xs', 'student'], ['l', 'student'], ['teacher', 'teacher']]);
    const [xs, l, t] = footprints as [(typeof footprints)[0], (typeof footprints)[0], (typeof footprints)[0]];
    const spec = buildNetSpec('student-tiny', { firstStride: 1, filters: [2, 4], kernelSizes: [3, 3], hiddenUnits: 4 }, io);
    expect([xs.params, xs.macs]).toEqual([netStats(spec).params, netStats(spec).macsPerWindow]);
    expect(xs.params).toBeLessThan(l.params);
    expect(xs.int8Bytes!).toBeLessThan(l.int8Bytes!);
    expect(l.int8Bytes!).toBeLessThan(l.fp32Bytes);
    expect(t.fp32Bytes).toBe(exportOnnx(teacher.spec, teacherWeights).length);
    expect(t.int8Bytes).toBeUndefined();
    for (const f of footprints) {
      expect(f.latencyUs!.runtime).toBe('onnxruntime-node');
      expect(f.latencyUs!.runs).toBeGreaterThanOrEqual(30);
      expect(f.latencyUs!.p50).toBeGreaterThan(0);
      expect(f.latencyUs!.p99).toBeGreaterThanOrEqual(f.latencyUs!.p50);
    }
  }, 60_000);
});
