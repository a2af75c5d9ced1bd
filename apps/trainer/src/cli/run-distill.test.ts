/**
 * End to end, in process: the real pipeline (synthetic cohort → preprocessing → subject-grouped
 * CV → teacher + every default student on worker threads → report, nets, int8 artifact), tiny.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNS, experimentConfigHash, resolveExperimentConfig, type ExperimentReport } from '@painkd/distill';
import { createInferenceSession, loadArtifact } from '@painkd/runtime';
import { DEFAULT_WEARABLE_CONFIG, degradeToWearable, generateCohort, preprocessWindow, type PreprocessConfig } from '@painkd/signals';
import { runDistillCli } from './run-distill.js';

/**
 * BL1 vs PA4 on 12 synthetic subjects × 10 windows per class, 3 folds of 4 test subjects
 * (80 test windows per fold, 240 in all), 10 epochs.
 */
const TINY = {
  task: 'binary',
  synthetic: { subjects: 12, windowsPerClass: 10, seed: 1 },
  cv: { folds: 3 },
  training: { epochs: 10, patience: 10, lrPatience: 3 },
  workers: 2,
};

describe('trainer:distill end to end (tiny)', () => {
  it('writes the report with every method, the final nets and the int8 artifact, and the teacher beats chance', async () => {
    const root = await mkdtemp(join(tmpdir(), 'painkd-e2e-'));
    const config = join(root, 'tiny.json');
    await writeFile(config, JSON.stringify(TINY));
    const out = join(root, 'out');
    const stderr: string[] = [];
    const stdout: string[] = [];
    const code = await runDistillCli(['--config', config, '--out', out], { stdout: { write: (t: string) => stdout.push(t) }, stderr: { write: (t: string) => stderr.push(t), isTTY: false } });
    expect(code, stderr.join('')).toBe(0);

    expect((await readdir(root)).sort()).toEqual(['out', 'tiny.json']);
    const files = await readdir(out);
    for (const f of ['report.json', 'report.md', 'report.html', 'manifest.json', 'student.int8.onnx', 'student.fp32.onnx', 'teacher.fp32.onnx', 'student.int8.tflite', 'student.fp32.tflite', 'student_int8.h', 'student_int8.cc', 'latency.json', 'nets']) {
      expect(files).toContain(f);
    }
    expect((await readdir(join(out, 'nets'))).sort()).toEqual(['student.net.json', 'student.weights.bin', 'teacher.net.json', 'teacher.weights.bin']);

    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ExperimentReport;
    expect(report.methods.map((m) => m.id)).toEqual(['teacher', ...DEFAULT_RUNS.map((r) => r.id)]);
    expect(report.classLabels).toEqual(['BL1', 'PA4']);
    // Paired folds: every method was scored on the same test subjects, and they partition the cohort.
    const testSets = report.methods[0].folds.map((f) => f.testSubjects);
    for (const m of report.methods) expect(m.folds.map((f) => f.testSubjects)).toEqual(testSets);
    expect(new Set(testSets.flat()).size).toBe(12);
    expect(testSets.flat()).toHaveLength(12);
    expect(report.quantization).toHaveLength(3);
    // One calibration choice and one metrics implementation for every int8 row: the binary task's MAE is on the 0–4 scale.
    for (const q of report.quantization ?? []) {
      expect(q.tfliteInt8).toBeDefined();
      expect(['minmax', 'percentile']).toContain(q.calibration?.method);
      expect(q.fp32.mae).toBeCloseTo(4 * (1 - q.fp32.accuracy), 12);
    }
    const manifest = (await loadArtifact(out, { verify: true })).manifest;
    expect(manifest.files.map((f) => f.role)).toEqual(expect.arrayContaining(['student-int8-tflite', 'student-fp32-tflite', 'student-int8-micro-header', 'student-int8-micro-source']));
    expect(manifest.metrics.int8MinusFp32?.tflite).toBeDefined();
    const latency = JSON.parse(await readFile(join(out, 'latency.json'), 'utf8')) as { rows: { model: string; precision: string; runtime: string }[] };
    for (const runtime of ['onnxruntime-node', 'onnxruntime-web', 'tfjs-tflite', 'litert']) {
      expect(latency.rows.filter((r) => r.runtime === runtime).map((r) => `${r.model} ${r.precision}`)).toEqual(['teacher fp32', 'student fp32', 'student int8']);
    }
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('No latency measurements');
    expect(html).toContain('<td>student int8 .tflite</td>');
    expect(report.finalModels?.student.id).toBe('student-kd');

    // Chance is 50 %. Under it, the accuracy over 240 test windows has sd √(.25/240) ≈ 3.2 points,
    // so 60 % is > 3 sd above chance (p < 0.002); the run is seeded, so this does not flake.
    const teacher = report.methods[0].summary.accuracy.mean;
    expect(teacher).toBeGreaterThanOrEqual(0.6);

    const md = await readFile(join(out, 'report.md'), 'utf8');
    for (const m of report.methods) expect(md).toContain(`| \`${m.id}\` |`);
    expect(stdout.join('')).toContain('teacher');
  }, 180_000);
});

/**
 * The privileged preset, tiny: a five-channel lab teacher and a GSR-only reference teacher at
 * 32 Hz, two wrist student sizes at 4 Hz, CE / KD / projected cosine / KD from the GSR teacher,
 * 2 repeats × 3 folds. The 4 Hz student artifact is then served as the edge API serves it:
 * a raw 4 Hz GSR recording through the manifest's preprocessing into onnxruntime.
 */
const TINY_PRIVILEGED = {
  synthetic: { subjects: 6, windowsPerClass: 4, seed: 3 },
  cv: { folds: 3, repeats: 2 },
  training: { epochs: 3, patience: 3, lrPatience: 2 },
  student: { sizes: [{ id: 'xs', config: { filters: [4, 8], kernelSizes: [5, 3], hiddenUnits: 8 } }, { id: 'l', config: {} }] },
  runs: [
    { id: 'student-ce', loss: { ce: 1 } },
    { id: 'student-kd', loss: { ce: 0.75, kd: { weight: 0.25, temperature: 2 } } },
    { id: 'student-cosine', loss: { ce: 0.75, cosine: { weight: 0.25, align: 'project' } } },
    { id: 'student-kd-gsr', loss: { ce: 0.75, kd: { weight: 0.25, temperature: 2 } }, teacher: 'teacher-gsr' },
  ],
  workers: 2,
};

describe('trainer:distill --preset privileged end to end (tiny)', () => {
  it('distils a lab teacher into 4 Hz wrist students with paired comparisons, and the 4 Hz artifact serves raw wrist GSR', async () => {
    const root = await mkdtemp(join(tmpdir(), 'painkd-privileged-'));
    const config = join(root, 'tiny.json');
    await writeFile(config, JSON.stringify(TINY_PRIVILEGED));
    const out = join(root, 'out');
    const stderr: string[] = [];
    const code = await runDistillCli(['--preset', 'privileged', '--config', config, '--out', out], {
      stdout: { write: () => undefined },
      stderr: { write: (t: string) => stderr.push(t), isTTY: false },
    });
    expect(code, stderr.join('')).toBe(0);

    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ExperimentReport;
    expect(report.task).toBe('binary');
    expect(report.methods.map((m) => m.id)).toEqual([
      'teacher',
      'teacher-gsr',
      ...['xs', 'l'].flatMap((size) => TINY_PRIVILEGED.runs.map((r) => `${r.id}@${size}`)),
    ]);
    expect(report.data.views?.map((v) => [v.name, v.channels.length, v.sampleRate, v.wearable])).toEqual([
      ['lab', 5, 32, false],
      ['lab-gsr', 1, 32, false],
      ['wrist', 1, 4, true],
    ]);
    expect(report.cv).toMatchObject({ folds: 3, repeats: 2 });
    expect(report.comparisons).toHaveLength(6);
    for (const c of report.comparisons!) {
      expect(c.paired.n).toBe(6);
      expect(['better', 'worse', 'no detectable difference']).toContain(c.paired.verdict);
    }

    expect(report.footprints?.map((f) => f.id)).toEqual(['xs', 'l', 'teacher']);
    expect(report.footprints![0]!.int8Bytes).toBeLessThan(report.footprints![1]!.int8Bytes!);
    // One teacher latency per report: the footprint quotes the artifact's own timing of the same file.
    const latency = JSON.parse(await readFile(join(out, 'latency.json'), 'utf8')) as { rows: { model: string; runtime: string; p50Us: number }[] };
    const teacherRow = latency.rows.find((r) => r.model === 'teacher' && r.runtime === 'onnxruntime-node');
    expect(report.footprints![2]!.latencyUs?.p50).toBe(teacherRow?.p50Us);

    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
      input: { sampleRate: number; windowSamples: number; channels: string[] };
      preprocess: PreprocessConfig;
      experiment: { preset: string; configHash: string; studentView: { wearable: unknown } };
    };
    expect(manifest.input).toMatchObject({ sampleRate: 4, windowSamples: 22, channels: ['gsr'] });
    expect(manifest.experiment).toMatchObject({ preset: 'privileged', configHash: experimentConfigHash(resolveExperimentConfig(TINY_PRIVILEGED, { preset: 'privileged' })) });
    expect(manifest.experiment.studentView.wearable).not.toBeNull();
    const artifact = await loadArtifact(out, { verify: true });
    const session = await createInferenceSession(await artifact.readModel('student-int8'), { runtime: 'node', threads: 1 });
    try {
      expect(session.inputShape.slice(1)).toEqual([22, 1]);
      const cohort = generateCohort({ subjects: 1, windowsPerClass: 1, seed: 11 });
      const wrist = degradeToWearable(cohort.render(4).channels.gsr, 512, DEFAULT_WEARABLE_CONFIG, 5);
      expect(wrist.sampleRate).toBe(4);
      const input = preprocessWindow(wrist.samples, wrist.sampleRate, manifest.preprocess);
      const { logits } = await session.run(input, 1);
      expect(logits).toHaveLength(2);
      expect(Array.from(logits).every(Number.isFinite)).toBe(true);
    } finally {
      await session.dispose();
    }
    const teacher = await createInferenceSession(await artifact.readModel('teacher-fp32'), { runtime: 'node', threads: 1 });
    expect(teacher.inputShape.slice(1)).toEqual([176, 5]);
    await teacher.dispose();
  }, 300_000);
});
