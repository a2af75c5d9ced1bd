import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanBiovid } from '@painkd/signals/node';
import { ensureCohort, formatTable, readInProcess, readWithWorkers, totalBytes } from './read-bench.js';

describe('read benchmark pieces', () => {
  let dir = '';
  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'painkd-bench-read-')), 'cohort');
  });
  afterAll(() => rm(join(dir, '..'), { recursive: true, force: true }));

  it('generates the cohort once, then reuses it, and regenerates when the spec changes', async () => {
    const spec = { subjects: 1, windowsPerClass: 1, seed: 3 };
    expect(await ensureCohort(dir, spec, 1, () => undefined)).toBe(false);
    expect(await ensureCohort(dir, spec, 1, () => undefined)).toBe(true);
    expect(await ensureCohort(dir, { ...spec, seed: 4 }, 1, () => undefined)).toBe(false);
    expect(await scanBiovid(dir)).toHaveLength(5);
  });

  it('reads every sample with worker threads and in process', async () => {
    const refs = await scanBiovid(dir);
    expect(await totalBytes(refs)).toBeGreaterThan(5 * 2816 * 40);
    expect((await readWithWorkers(refs, ['gsr', 'ecg'], 2)).samples).toBe(5 * 2816 * 2);
    const inProcess = await readInProcess(dir, ['gsr']);
    expect([inProcess.files, inProcess.samples]).toEqual([5, 5 * 2816]);
  });

  it('formats a Markdown table with files/s and MB/s', () => {
    const table = formatTable([{ method: 'worker pool', channels: 'gsr only', threads: 2, files: 100, megabytes: 50, seconds: 2 }]);
    expect(table.split('\n')[2]).toBe('| worker pool | gsr only | 2 | 100 | 50 | 2.00 | 50 | 25 |');
  });
});
