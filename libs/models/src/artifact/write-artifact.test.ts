import { loadArtifact, type RuntimeError } from '@painkd/runtime';
import { DEFAULT_PREPROCESS_CONFIG } from '@painkd/signals';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backends/index.js';
import { argmax } from '../onnx/quantize/compare-models.js';
import { testWindows } from '../onnx/test-support/random-net.js';
import { registeredNet } from '../onnx/test-support/registered-net.js';
import { readTflite } from '../tflite/tflite-reader.js';
import { foldInt8Logits } from './fold-int8-logits.js';
import { writeArtifact } from './write-artifact.js';

const root = await mkdtemp(join(tmpdir(), 'painkd-write-artifact-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await initBackend('wasm');
const student = registeredNet('student-tiny', 1);
const teacher = registeredNet('teacher-cnn', 2);
const packed = testWindows(300, 176, 1, 3);
const windows = Array.from({ length: 300 }, (_, i) => packed.subarray(i * 176, (i + 1) * 176));
const logits = await foldInt8Logits({ fold: 0, student, calibrationWindows: windows.slice(0, 200), testWindows: windows.slice(200) });
const score = { accuracy: 0.4, macroF1: 0.3, mae: 1.1 };
const metrics = { folds: [{ fold: 0, fp32: score, int8: score, tfliteInt8: score, calibration: logits.calibration }], int8MinusFp32: { onnx: { accuracy: 0, macroF1: 0, mae: 0 } } };
const options = {
  student,
  teacher,
  calibrationWindows: windows.slice(0, 200),
  preprocess: DEFAULT_PREPROCESS_CONFIG,
  classLabels: ['BL1', 'PA1', 'PA2', 'PA3', 'PA4'],
  metrics,
  createdAt: new Date('2026-11-29T02:00:00Z'),
};

const FILES = ['manifest.json', 'student.fp32.onnx', 'student.fp32.tflite', 'student.int8.onnx', 'student.int8.tflite', 'student_int8.cc', 'student_int8.h', 'teacher.fp32.onnx'];

/** The bytes of the int8-I/O model, parsed back out of the written `student_int8.cc`. */
async function microArray(dir: string): Promise<Uint8Array> {
  const source = await readFile(join(dir, 'student_int8.cc'), 'utf8');
  return Uint8Array.from(source.slice(source.indexOf('{') + 1, source.indexOf('};')).match(/0x[0-9a-f]{2}/g) ?? [], (h) => parseInt(h, 16));
}

describe('writeArtifact', () => {
  it('writes the ONNX and TFLite models, the microcontroller source and a manifest that loads back verified, with int8 files ≤ 32 KB', async () => {
    const dir = join(root, 'fresh');
    const written = await writeArtifact(dir, options);
    expect((await readdir(dir)).sort()).toEqual(FILES);
    const artifact = await loadArtifact(dir, { verify: true });
    expect(artifact.manifest).toEqual(written.manifest);
    expect(artifact.manifest.files.map((f) => f.role)[0]).toBe('student-int8');
    expect(artifact.manifest.input).toEqual({ sampleRate: 32, windowSeconds: 5.5, windowSamples: 176, channels: ['gsr'] });
    expect(artifact.manifest.metrics).toEqual(metrics);
    const tflite = artifact.manifest.quantization.tflite!;
    expect(tflite.io).toBe('float');
    expect(tflite.agreement.vsOnnxInt8.argmaxAgreement).toBeGreaterThanOrEqual(0.95);
    expect(readTflite(await artifact.readModel('student-int8-tflite')).operators[0]!.op).toBe('QUANTIZE');
    const micro = readTflite(await microArray(dir));
    expect(tflite.micro.input).toEqual({ scale: micro.tensors[micro.inputs[0]!]!.quantization!.scale[0], zeroPoint: micro.tensors[micro.inputs[0]!]!.quantization!.zeroPoint[0] });
    expect((await stat(join(dir, 'student.int8.tflite'))).size).toBeLessThanOrEqual(32 * 1024);
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
    expect((await readdir(dir)).sort()).toEqual([...FILES, 'report.json'].sort());
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

describe('foldInt8Logits', () => {
  it('gives fp32, ONNX int8 and TFLite int8 logits on the test windows, calibrated as the shipped artifact is', async () => {
    const n = windows.length - 200;
    for (const l of [logits.fp32, logits.onnxInt8, logits.tfliteInt8!]) expect(l.length).toBe(n * 5);
    let agree = 0;
    for (let i = 0; i < n; i++) agree += argmax(logits.onnxInt8, i * 5, 5) === argmax(logits.tfliteInt8!, i * 5, 5) ? 1 : 0;
    expect(agree / n).toBeGreaterThanOrEqual(0.95);
    const written = await writeArtifact(join(root, 'same-calibration'), { ...options, calibrationWindows: windows.slice(0, 200) });
    expect({ method: written.manifest.quantization.calibration.method, percentile: written.manifest.quantization.calibration.percentile }).toEqual({ percentile: undefined, ...logits.calibration });
  });
});
