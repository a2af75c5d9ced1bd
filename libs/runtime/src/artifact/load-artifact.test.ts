import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PREPROCESS_CONFIG } from '@painkd/signals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactManifest } from '../manifest/manifest-schema.js';
import { loadArtifact, parseManifest } from './load-artifact.js';
import { sha256Hex } from './sha256.js';

const fixture = fileURLToPath(new URL('../../fixtures/tiny.onnx', import.meta.url));
let dir = '';

async function validManifest(bytes: Uint8Array): Promise<ArtifactManifest> {
  const score = { accuracy: 0.5, macroF1: 0.4, mae: 0.9 };
  return {
    schemaVersion: 1,
    painkdVersion: '0.1.0',
    createdAt: '2026-11-29T01:00:00.000Z',
    model: { arch: 'student-tiny', config: { filters: 8 }, params: 1234, classes: 3 },
    teacher: { arch: 'teacher-cnn', config: {}, params: 120000 },
    input: { sampleRate: 32, windowSeconds: 5.5, windowSamples: 176, channels: ['gsr'] },
    preprocess: DEFAULT_PREPROCESS_CONFIG,
    classLabels: ['BL1', 'PA2', 'PA4'],
    quantization: {
      format: 'QDQ',
      weights: 'int8-symmetric-per-channel',
      activations: 'int8-asymmetric-per-tensor',
      bias: 'int32',
      opset: 17,
      calibration: { method: 'percentile', percentile: 99.99, windows: 256 },
      agreement: { maxAbsLogitDiff: 0.05, argmaxAgreement: 0.99, windows: 256 },
    },
    metrics: { folds: [{ fold: 0, fp32: score, int8: score }], mean: { fp32: score, int8: score } },
    files: [{ role: 'student-int8', path: 'student.int8.onnx', sha256: await sha256Hex(bytes), bytes: bytes.length }],
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'painkd-artifact-'));
  await copyFile(fixture, join(dir, 'student.int8.onnx'));
  const bytes = new Uint8Array(await readFile(fixture));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(await validManifest(bytes)));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('loadArtifact', () => {
  it('loads a valid artifact and hands back the verified bytes', async () => {
    const artifact = await loadArtifact(dir);
    expect(artifact.manifest.model.arch).toBe('student-tiny');
    expect(await sha256Hex(await artifact.readModel('student-int8'))).toBe(artifact.manifest.files[0]!.sha256);
  });

  it('fails with MODEL_HASH_MISMATCH naming the file when one byte of a model changes', async () => {
    const path = join(dir, 'student.int8.onnx');
    const bytes = new Uint8Array(await readFile(path));
    bytes[bytes.length - 5] ^= 0x01;
    await writeFile(path, bytes);
    await expect(loadArtifact(dir)).rejects.toMatchObject({ code: 'MODEL_HASH_MISMATCH', message: expect.stringContaining('student.int8.onnx') });
    expect((await loadArtifact(dir, { verify: false })).manifest.files).toHaveLength(1);
  });

  it('reports a missing folder, a missing model file and an absent role with codes', async () => {
    await expect(loadArtifact(join(dir, 'nope'))).rejects.toMatchObject({ code: 'ARTIFACT_NOT_FOUND' });
    const unverified = await loadArtifact(dir, { verify: false });
    await expect(unverified.readModel('teacher-fp32')).rejects.toMatchObject({ code: 'MODEL_FILE_MISSING' });
    await rm(join(dir, 'student.int8.onnx'));
    await expect(loadArtifact(dir)).rejects.toMatchObject({ code: 'MODEL_FILE_MISSING' });
  });
});

describe('parseManifest', () => {
  const base = async (): Promise<Record<string, unknown>> => JSON.parse(JSON.stringify(await validManifest(new Uint8Array([1]))));

  it('names the zod path of the first problem', async () => {
    const m = await base();
    (m['input'] as Record<string, unknown>)['windowSamples'] = 'many';
    expect(() => parseManifest(JSON.stringify(m))).toThrow(expect.objectContaining({ code: 'ARTIFACT_INVALID_MANIFEST', path: 'input.windowSamples' }));
  });

  it('rejects non-JSON, label/class mismatches, path traversal and bad hashes', async () => {
    expect(() => parseManifest('{')).toThrow(expect.objectContaining({ code: 'ARTIFACT_INVALID_MANIFEST' }));
    const labels = await base();
    labels['classLabels'] = ['a', 'b'];
    expect(() => parseManifest(JSON.stringify(labels))).toThrow(expect.objectContaining({ path: 'classLabels' }));
    const traversal = await base();
    (traversal['files'] as Record<string, unknown>[])[0]!['path'] = '../etc/passwd';
    expect(() => parseManifest(JSON.stringify(traversal))).toThrow(expect.objectContaining({ path: 'files.0.path' }));
    const hash = await base();
    (hash['files'] as Record<string, unknown>[])[0]!['sha256'] = 'ABC';
    expect(() => parseManifest(JSON.stringify(hash))).toThrow(expect.objectContaining({ path: 'files.0.sha256' }));
  });

  it('validates preprocess with the signals parser and keeps its path, and checks it against input', async () => {
    const bad = await base();
    bad['preprocess'] = { ...DEFAULT_PREPROCESS_CONFIG, smoothing: { windowSeconds: 0.5, polyOrder: -1 } };
    expect(() => parseManifest(JSON.stringify(bad))).toThrow(expect.objectContaining({ path: 'preprocess.smoothing.polyOrder' }));
    const mismatch = await base();
    (mismatch['input'] as Record<string, unknown>)['sampleRate'] = 64;
    (mismatch['input'] as Record<string, unknown>)['windowSamples'] = 352;
    expect(() => parseManifest(JSON.stringify(mismatch))).toThrow(expect.objectContaining({ path: 'input.sampleRate' }));
  });

  it('requires the student-int8 model', async () => {
    const m = await base();
    (m['files'] as Record<string, unknown>[])[0]!['role'] = 'teacher-fp32';
    expect(() => parseManifest(JSON.stringify(m))).toThrow(expect.objectContaining({ path: 'files' }));
  });

  it('accepts the TFLite description, per-format int8 rows and int8 − fp32, and rejects an int8 zero point out of range', async () => {
    const m = await base();
    const score = { accuracy: 0.5, macroF1: 0.4, mae: 0.9, rmse: 1.1 };
    const agreement = { maxAbsLogitDiff: 0.1, argmaxAgreement: 0.98, windows: 256 };
    const q = m['quantization'] as Record<string, unknown>;
    q['tflite'] = {
      format: 'TFLite', weights: 'int8-symmetric-per-channel', activations: 'int8-asymmetric-per-tensor', bias: 'int32', io: 'float',
      micro: { io: 'int8', input: { scale: 0.01, zeroPoint: -3 }, output: { scale: 0.05, zeroPoint: 12 }, arenaBytes: 7424 },
      runtime: 'litert', agreement: { vsFp32: agreement, vsOnnxInt8: agreement },
    };
    m['metrics'] = {
      folds: [{ fold: 0, fp32: score, int8: score, tfliteInt8: score, calibration: { method: 'minmax' } }],
      mean: { fp32: score, int8: score, tfliteInt8: score },
      int8MinusFp32: { onnx: { accuracy: 0.002, macroF1: -0.001, mae: -0.01 }, tflite: { accuracy: -0.0025, macroF1: 0, mae: 0.02 } },
    };
    (m['files'] as Record<string, unknown>[]).push({ role: 'student-int8-tflite', path: 'student.int8.tflite', sha256: 'a'.repeat(64), bytes: 12208 });
    const parsed = parseManifest(JSON.stringify(m));
    expect(parsed.quantization.tflite?.micro.arenaBytes).toBe(7424);
    expect(parsed.metrics.int8MinusFp32?.tflite?.accuracy).toBe(-0.0025);
    ((q['tflite'] as Record<string, Record<string, unknown>>)['micro']!['input'] as Record<string, unknown>)['zeroPoint'] = 130;
    expect(() => parseManifest(JSON.stringify(m))).toThrow(expect.objectContaining({ path: 'quantization.tflite.micro.input.zeroPoint' }));
  });
});
