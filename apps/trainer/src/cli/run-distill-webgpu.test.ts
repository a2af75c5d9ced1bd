/**
 * End to end on the GPU path: a tiny `trainer:distill --backend webgpu` (on Mesa lavapipe where
 * the machine has no GPU) writes the same report as a `--backend wasm` run of the same config,
 * to float tolerance, and names the adapter in the progress, the report and the manifest.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExperimentReport } from '@painkd/distill';
import { runDistillCli } from './run-distill.js';

/** BL1 vs PA4, 8 subjects × 6 windows per class, 2 folds, 3 epochs, small nets; one student with every distillation term. */
const TINY = {
  task: 'binary',
  synthetic: { subjects: 8, windowsPerClass: 6, seed: 1 },
  cv: { folds: 2 },
  training: { epochs: 3, batchSize: 16, patience: 5, lrPatience: 2 },
  teacher: { net: { arch: 'teacher-cnn', config: { filters: [8, 16], kernelSizes: [7, 5], hiddenUnits: 16 } } },
  student: { arch: 'student-tiny', config: { filters: [4, 8], kernelSizes: [7, 5], hiddenUnits: 8 } },
  runs: [
    { id: 'student-ce', loss: { ce: 1 } },
    {
      id: 'student-kd',
      loss: { ce: 0.4, kd: { weight: 0.15, temperature: 2 }, cosine: { weight: 0.15 }, fitnets: { weight: 0.15 }, dkd: { weight: 0.15, alpha: 1, beta: 8, temperature: 4, warmupEpochs: 2 } },
    },
  ],
  workers: 1,
};

async function run(dir: string, backend: string): Promise<{ report: ExperimentReport; manifest: Record<string, unknown>; stderr: string }> {
  const out = join(dir, backend);
  const stderr: string[] = [];
  const code = await runDistillCli(['--config', join(dir, 'tiny.json'), '--out', out, '--backend', backend], {
    stdout: { write: () => undefined },
    stderr: { write: (t: string) => stderr.push(t), isTTY: false },
  });
  expect(code, stderr.join('')).toBe(0);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as ExperimentReport;
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  return { report, manifest, stderr: stderr.join('') };
}

describe('trainer:distill --backend webgpu (tiny)', () => {
  it('matches a wasm run of the same config and names the adapter in progress, report and manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'painkd-webgpu-'));
    await writeFile(join(dir, 'tiny.json'), JSON.stringify(TINY));
    const wasm = await run(dir, 'wasm');
    const gpu = await run(dir, 'webgpu');

    const adapter = gpu.report.runtime?.adapter;
    expect(gpu.report.runtime).toMatchObject({ backend: 'webgpu', workers: 1 });
    expect(adapter?.device).toBeTruthy();
    expect(gpu.manifest['training']).toEqual({ backend: 'webgpu', adapter });
    expect(wasm.manifest['training']).toEqual({ backend: 'wasm' });
    expect(gpu.stderr).toContain(`training on webgpu (${adapter?.vendor} ${adapter?.architecture} · ${adapter?.device}`);

    expect(gpu.report.methods.map((m) => m.id)).toEqual(['teacher', 'student-ce', 'student-kd']);
    for (const [i, want] of wasm.report.methods.entries()) {
      const got = gpu.report.methods[i]!;
      for (const [f, fold] of want.folds.entries()) {
        const other = got.folds[f]!;
        expect(other.epochsRun).toBe(fold.epochsRun);
        for (const [e, epoch] of fold.history.entries()) {
          const mine = other.history[e]!;
          expect(Math.abs(mine.trainLoss - epoch.trainLoss), `${want.id} fold ${f} epoch ${e + 1} train loss`).toBeLessThan(1e-4 * Math.abs(epoch.trainLoss));
          expect(Math.abs(mine.valLoss - epoch.valLoss), `${want.id} fold ${f} epoch ${e + 1} val loss`).toBeLessThan(1e-4 * Math.abs(epoch.valLoss));
        }
        expect(other.metrics.confusion).toEqual(fold.metrics.confusion);
      }
    }
    expect(gpu.report.finalModels?.student.bestEpoch).toBe(wasm.report.finalModels?.student.bestEpoch);
  }, 180_000);
});
