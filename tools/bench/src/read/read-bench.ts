/**
 * @module The BioVid read benchmark: makes (or reuses) a cached full-size synthetic cohort, then
 * reads all of it with a pool of worker threads and in-process with `loadBiovid`, all channels and
 * GSR only, and reports files/s and MB/s.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import type { BiovidChannels, BiovidRecordingRef, ChannelName } from '@painkd/signals';
import { loadBiovid, runSynthCli, scanBiovid, startModuleWorker } from '@painkd/signals/node';

/** The cohort the benchmark reads. */
export interface CohortSpec {
  readonly subjects: number;
  readonly windowsPerClass: number;
  readonly seed: number;
}

/** One measured configuration. */
export interface ReadResult {
  readonly method: string;
  readonly channels: string;
  readonly threads: number;
  readonly files: number;
  readonly megabytes: number;
  readonly seconds: number;
}

/**
 * Makes sure `dir` holds the cohort `spec` (checked against its `cohort.json`), writing it with
 * the synth command when it does not. Returns whether it was reused.
 *
 * @example
 * await ensureCohort('.cache/read-s87-w20-seed1', { subjects: 87, windowsPerClass: 20, seed: 1 }, 2, console.log);
 */
export async function ensureCohort(dir: string, spec: CohortSpec, threads: number, log: (line: string) => void): Promise<boolean> {
  const expected = spec.subjects * spec.windowsPerClass * 5;
  try {
    const saved = JSON.parse(await readFile(`${dir}/cohort.json`, 'utf8')) as { config: CohortSpec };
    const same = saved.config.subjects === spec.subjects && saved.config.windowsPerClass === spec.windowsPerClass && saved.config.seed === spec.seed;
    if (same && (await scanBiovid(dir)).length === expected) return true;
  } catch {
    // no usable cache: regenerate below
  }
  await rm(dir, { recursive: true, force: true });
  const argv = ['--out', dir, '--subjects', `${spec.subjects}`, '--windows-per-class', `${spec.windowsPerClass}`, '--seed', `${spec.seed}`];
  const code = await runSynthCli([...argv, '--jobs', `${threads}`], { log, error: log });
  if (code !== 0) throw new Error(`synth failed with exit code ${code}`);
  return false;
}

/** Total size of the files, bytes. */
export async function totalBytes(refs: readonly BiovidRecordingRef[]): Promise<number> {
  let bytes = 0;
  for (const ref of refs) bytes += (await stat(ref.path)).size;
  return bytes;
}

/**
 * Reads every ref with `threads` worker threads (batches of 32 handed to whichever is free);
 * the arrays come back to this thread. Returns the seconds taken and a checksum of the samples.
 */
export async function readWithWorkers(
  refs: readonly BiovidRecordingRef[],
  channels: ChannelName[],
  threads: number,
): Promise<{ seconds: number; samples: number }> {
  const started = performance.now();
  const workers = Array.from({ length: threads }, () => startModuleWorker(new URL('./read-worker.ts', import.meta.url), { workerData: { channels } }));
  let next = 0;
  let samples = 0;
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const send = (): void => {
            if (next >= refs.length) {
              resolve();
              return;
            }
            const batch = refs.slice(next, next + 32);
            next += batch.length;
            worker.postMessage(batch);
          };
          worker.on('message', (results: Array<{ timeUs: Float64Array; channels: BiovidChannels }>) => {
            for (const result of results) samples += countSamples(result.channels);
            send();
          });
          worker.on('error', reject);
          send();
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return { seconds, samples };
}

/** Reads everything in this thread with the library's own `loadBiovid`. */
export async function readInProcess(root: string, channels: ChannelName[]): Promise<{ seconds: number; samples: number; files: number }> {
  const started = performance.now();
  const { recordings, skipped } = await loadBiovid(root, { channels });
  if (skipped.length > 0) throw new Error(`${skipped.length} files skipped`);
  let samples = 0;
  for (const recording of recordings) samples += countSamples(recording.channels);
  return { seconds: (performance.now() - started) / 1000, samples, files: recordings.length };
}

/** Formats results as a Markdown table. */
export function formatTable(results: readonly ReadResult[]): string {
  const lines = [
    '| method | channels | threads | files | MB | seconds | files/s | MB/s |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.method} | ${r.channels} | ${r.threads} | ${r.files} | ${r.megabytes.toFixed(0)} | ${r.seconds.toFixed(2)} | ` +
        `${(r.files / r.seconds).toFixed(0)} | ${(r.megabytes / r.seconds).toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

function countSamples(channels: BiovidChannels): number {
  let count = 0;
  for (const values of Object.values(channels)) count += values.length;
  return count;
}
