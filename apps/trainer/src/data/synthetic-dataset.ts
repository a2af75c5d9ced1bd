/**
 * @module The embedded synthetic cohort as model windows, generated on first use and cached
 * (`.cache/` at the repo root, git-ignored) keyed by the cohort and preprocessing configuration.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WindowDataset } from '@painkd/distill';
import { generateCohort, resolveCohortConfig, type PreprocessConfig } from '@painkd/signals';
import { buildDataset, type RawWindow } from './dataset-builder.js';

/** Bump when the cache layout or the way windows are made changes. */
const CACHE_VERSION = 1;

/** Options of {@link syntheticDataset}. */
export interface SyntheticDatasetOptions {
  readonly cacheDir: string;
  readonly subjects: number;
  readonly windowsPerClass: number;
  readonly seed: number;
  readonly preprocess: PreprocessConfig;
  /** Called while generating (not when the cache hits). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The dataset and where it is cached. */
export interface SyntheticDataset {
  readonly data: WindowDataset;
  /** The cache file (`.bin`; its `.json` sidecar holds the metadata). */
  readonly path: string;
  readonly cached: boolean;
}

interface CacheMeta {
  readonly version: number;
  readonly key: string;
  readonly windows: number;
  readonly subjects: string[];
  readonly length: number;
  readonly channels: number;
  readonly classes: number;
}

/**
 * Returns the synthetic cohort's preprocessed windows, from the cache when an entry with the same
 * key exists, else generated with `generateCohort` + `preprocessWindow` and cached (written to a
 * temporary name, then renamed: an interrupted run never leaves a bad entry).
 *
 * @example
 * const { data, cached } = await syntheticDataset({ cacheDir: '.cache/painkd', subjects: 24, windowsPerClass: 10, seed: 1, preprocess });
 */
export async function syntheticDataset(options: SyntheticDatasetOptions): Promise<SyntheticDataset> {
  const cohortConfig = resolveCohortConfig({ subjects: options.subjects, windowsPerClass: options.windowsPerClass, seed: options.seed });
  const key = createHash('sha256').update(JSON.stringify({ v: CACHE_VERSION, cohortConfig, preprocess: options.preprocess })).digest('hex').slice(0, 16);
  const base = join(options.cacheDir, `synthetic-${options.subjects}x${options.windowsPerClass}-${key}`);
  const cached = await readCache(base, key);
  if (cached) return { data: cached, path: `${base}.bin`, cached: true };

  const cohort = generateCohort(cohortConfig);
  const total = cohort.trials.length;
  function* windows(): Generator<RawWindow> {
    for (let i = 0; i < total; i++) {
      const r = cohort.render(i);
      yield { subject: r.subject, classIndex: r.classIndex, sampleRate: r.sampleRate, gsr: r.channels.gsr, origin: `synthetic trial ${i}` };
      if (i % 50 === 49 || i === total - 1) options.onProgress?.(i + 1, total);
    }
  }
  const data = await buildDataset(windows(), options.preprocess, total);
  await writeCache(base, key, data);
  return { data, path: `${base}.bin`, cached: false };
}

async function readCache(base: string, key: string): Promise<WindowDataset | undefined> {
  let meta: CacheMeta;
  let bytes: Buffer;
  try {
    meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as CacheMeta;
    bytes = await readFile(`${base}.bin`);
  } catch {
    return undefined;
  }
  const n = meta.windows;
  const size = n * meta.length * meta.channels;
  if (meta.version !== CACHE_VERSION || meta.key !== key || bytes.byteLength !== 4 * (size + 2 * n)) return undefined;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return {
    x: new Float32Array(buffer, 0, size),
    labels: new Int32Array(buffer, 4 * size, n),
    subjectOf: new Int32Array(buffer, 4 * (size + n), n),
    subjects: meta.subjects,
    length: meta.length,
    channels: meta.channels,
    classes: meta.classes,
  };
}

async function writeCache(base: string, key: string, data: WindowDataset): Promise<void> {
  const dir = join(base, '..');
  await mkdir(dir, { recursive: true });
  const n = data.labels.length;
  const body = new Uint8Array(4 * (data.x.length + 2 * n));
  body.set(new Uint8Array(data.x.buffer, data.x.byteOffset, data.x.byteLength), 0);
  body.set(new Uint8Array(data.labels.buffer, data.labels.byteOffset, data.labels.byteLength), 4 * data.x.length);
  body.set(new Uint8Array(data.subjectOf.buffer, data.subjectOf.byteOffset, data.subjectOf.byteLength), 4 * (data.x.length + n));
  const meta: CacheMeta = { version: CACHE_VERSION, key, windows: n, subjects: [...data.subjects], length: data.length, channels: data.channels, classes: data.classes };
  const tmp = `${base}.tmp-${process.pid}`;
  try {
    await writeFile(`${tmp}.bin`, body);
    await writeFile(`${tmp}.json`, JSON.stringify(meta));
    await rename(`${tmp}.bin`, `${base}.bin`);
    await rename(`${tmp}.json`, `${base}.json`);
  } finally {
    await rm(`${tmp}.bin`, { force: true });
    await rm(`${tmp}.json`, { force: true });
  }
}
