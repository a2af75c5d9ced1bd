import { loadArtifact, type RuntimeError } from '@painkd/runtime';
import { DEFAULT_PREPROCESS_CONFIG } from '@painkd/signals';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../backends/index.js';
import { testWindows } from '../test-support/random-net.js';
import { registeredNet } from '../test-support/registered-net.js';
import { evaluateQuantization } from './evaluate-quantization.js';
import { writeArtifact } from './write-artifact.js';

const root = await mkdtemp(join(tmpdir(), 'painkd-write-artifact-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await initBackend('wasm');
const student = registeredNet('student-tiny', 1);
const teacher = registeredNet('teacher-cnn', 2);
const packed = testWindows(300, 176, 1, 3);
const windows = Array.from({ length: 300 }, (_, i) => packed.subarray(i * 176, (i + 1) * 176));
const labels = Int32Array.from(windows, (_, i) => i % 5);
const row = await evaluateQuantization({ fold: 0, student, calibrationWindows: windows.slice(0, 200), testWindows: windows.slice(200), labels: labels.slice(200) });
const options = {
  student,
  teacher,
  calibrationWindows: windows.slice(0, 200),
  preprocess: DEFAULT_PREPROCESS_CONFIG,
  classLabels: ['BL1', 'PA1', 'PA2', 'PA3', 'PA4'],
  metrics: [row],
  createdAt: new Date('2026-11-29T02:00:00Z'),
};

describe('writeArtifact', () => {
  it('writes the three models and a manifest that loads back verified, with a student int8 file ≤ 32 KB', async () => {
    const dir = join(root, 'fresh');
    const written = await writeArtifact(dir, options);
    expect((await readdir(dir)).sort()).toEqual(['manifest.json', 'student.fp32.onnx', 'student.int8.onnx', 'teacher.fp32.onnx']);
    const artifact = await loadArtifact(dir, { verify: true });
    expect(artifact.manifest).toEqual(written.manifest);
    expect(artifact.manifest.input).toEqual({ sampleRate: 32, windowSeconds: 5.5, windowSamples: 176, channels: ['gsr'] });
    expect(artifact.manifest.metrics.folds).toEqual([row]);
    expect(artifact.manifest.quantization.agreement.argmaxAgreement).toBeGreaterThanOrEqual(0.97);
    expect(['minmax', 'percentile']).toContain(artifact.manifest.quantization.calibration.method);
    expect((await stat(join(dir, 'student.int8.onnx'))).size).toBeLessThanOrEqual(32 * 1024);
    expect((await stat(join(dir, 'student.int8.onnx'))).size).toBeLessThan((await stat(join(dir, 'student.fp32.onnx'))).size);
  });

  it('rewrites an existing folder without touching other files, and a tampered byte fails with MODEL_HASH_MISMATCH', async () => {
    const dir = join(root, 'existing');
    await writeArtifact(dir, options);
    await writeFile(join(dir, 'report.json'), '{}');
    await writeArtifact(dir, { ...options, createdAt: new Date('2026-11-29T03:00:00Z') });
    expect((await readdir(dir)).sort()).toEqual(['manifest.json', 'report.json', 'student.fp32.onnx', 'student.int8.onnx', 'teacher.fp32.onnx']);
    expect((await loadArtifact(dir)).manifest.createdAt).toBe('2026-11-29T03:00:00.000Z');
    const path = join(dir, 'teacher.fp32.onnx');
    const bytes = new Uint8Array(await readFile(path));
    bytes[Math.floor(bytes.length / 2)] ^= 0x40;
    await writeFile(path, bytes);
    const error = (await loadArtifact(dir).catch((e: unknown) => e)) as RuntimeError;
    expect(error.code).toBe('MODEL_HASH_MISMATCH');
    expect(error.message).toContain('teacher.fp32.onnx');
  });

  it('reports ARTIFACT_WRITE_FAILED when the target is a file', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    await expect(writeArtifact(file, options)).rejects.toMatchObject({ code: 'ARTIFACT_WRITE_FAILED' });
  });

  it('refuses a student whose input does not match the preprocessing window', async () => {
    await expect(writeArtifact(join(root, 'bad'), { ...options, preprocess: { ...DEFAULT_PREPROCESS_CONFIG, sampleRate: 64, windowSamples: 352 } })).rejects.toMatchObject({ code: 'ONNX_BAD_OPTIONS' });
  });
});

describe('evaluateQuantization', () => {
  it('scores fp32 and int8 on the same test windows, with int8 within a point of fp32 accuracy on this net', () => {
    expect(row.fold).toBe(0);
    for (const s of [row.fp32, row.int8]) {
      expect(s.accuracy).toBeGreaterThanOrEqual(0);
      expect(s.mae).toBeGreaterThanOrEqual(0);
      expect(s.confusion.flat().reduce((a, b) => a + b, 0)).toBe(windows.length - 200);
      expect(s.confusion.reduce((a, r, i) => a + r[i]!, 0) / (windows.length - 200)).toBeCloseTo(s.accuracy, 12);
    }
    expect(Math.abs(row.fp32.accuracy - row.int8.accuracy)).toBeLessThanOrEqual(0.01);
  });
});
