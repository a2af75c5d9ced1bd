/**
 * @module The embedded synthetic cohort as model windows of every input view, generated on first
 * use and cached (`.cache/` at the repo root, git-ignored) per view, keyed by the cohort and the
 * view configuration.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WindowDataset } from '@painkd/distill';
import { generateCohort, resolveCohortConfig, type ViewConfig } from '@painkd/signals';
import { buildViewDatasets, type RawWindow } from './dataset-builder.js';

/** Bump when the cache layout or the way windows are made changes. */
const CACHE_VERSION = 2;

/** Options of {@link syntheticDataset}. */
export interface SyntheticDatasetOptions {
  readonly cacheDir: string;
  readonly subjects: number;
  readonly windowsPerClass: number;
  readonly seed: number;
  /** The input views to make, by name. */
  readonly views: Readonly<Record<string, ViewConfig>>;
  /** Called while generating (not when the cache hits). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The datasets and where they are cached. */
export interface SyntheticDataset {
  /** One dataset per view; window i of each is the same synthetic trial. */
  readonly views: Record<string, WindowDataset>;
  /** Cache file per view (`.bin`; its `.json` sidecar holds the metadata). */
  readonly paths: Record<string, string>;
  /** True when every view came from the cache. */
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
 * Returns the synthetic cohort's preprocessed windows for every view. Each view is cached on its
 * own, keyed by the cohort and the view configuration; when any view misses, the cohort is
 * rendered once (all five channels at 512 Hz) and every missing view is made in that one pass.
 * Entries are written to a temporary name, then renamed: an interrupted run never leaves a bad one.
 *
 * @example
 * const { views, cached } = await syntheticDataset({ cacheDir: '.cache/painkd', subjects: 24, windowsPerClass: 10, seed: 1, views });
 */
export async function syntheticDataset(options: SyntheticDatasetOptions): Promise<SyntheticDataset> {
  const cohortConfig = resolveCohortConfig({ subjects: options.subjects, windowsPerClass: options.windowsPerClass, seed: options.seed });
  const entries = Object.entries(options.views).map(([name, view]) => {
    const key = createHash('sha256').update(JSON.stringify({ v: CACHE_VERSION, cohortConfig, view })).digest('hex').slice(0, 16);
    return { name, view, key, base: join(options.cacheDir, `synthetic-${options.subjects}x${options.windowsPerClass}-${key}`) };
  });
  const views: Record<string, WindowDataset> = {};
  const paths: Record<string, string> = {};
  const missing: typeof entries = [];
  for (const entry of entries) {
    paths[entry.name] = `${entry.base}.bin`;
    const hit = await readCache(entry.base, entry.key);
    if (hit) views[entry.name] = hit;
    else missing.push(entry);
  }
  if (missing.length === 0) return { views, paths, cached: true };

  const cohort = generateCohort(cohortConfig);
  const total = cohort.trials.length;
  function* windows(): Generator<RawWindow> {
    for (let i = 0; i < total; i++) {
      const r = cohort.render(i);
      yield { subject: r.subject, classIndex: r.classIndex, trial: r.trial, sampleRate: r.sampleRate, channels: r.channels, origin: `synthetic trial ${i}` };
      if (i % 50 === 49 || i === total - 1) options.onProgress?.(i + 1, total);
    }
  }
  const made = await buildViewDatasets(windows(), Object.fromEntries(missing.map((e) => [e.name, e.view])), { seed: options.seed, expected: total });
  for (const entry of missing) {
    await writeCache(entry.base, entry.key, made[entry.name]!);
    views[entry.name] = made[entry.name]!;
  }
  return { views: Object.fromEntries(entries.map((e) => [e.name, views[e.name]!])), paths, cached: false };
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
