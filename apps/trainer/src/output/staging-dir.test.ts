import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageDir } from './staging-dir.js';

describe('stageDir', () => {
  it('replaces a previous run in one move and leaves no temporary folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'painkd-stage-'));
    const target = join(root, 'artifacts');
    await mkdir(target);
    await writeFile(join(target, 'report.json'), 'old');
    const staging = await stageDir(target);
    await writeFile(join(staging.path, 'report.json'), 'new');
    expect(await readFile(join(target, 'report.json'), 'utf8')).toBe('old');
    await staging.commit();
    expect(await readFile(join(target, 'report.json'), 'utf8')).toBe('new');
    expect(await readdir(root)).toEqual(['artifacts']);
  });

  it('discards an interrupted run without touching the target', async () => {
    const root = await mkdtemp(join(tmpdir(), 'painkd-stage-'));
    const staging = await stageDir(join(root, 'out'));
    await writeFile(join(staging.path, 'half.json'), '{');
    await staging.discard();
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a target that is a file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'painkd-stage-'));
    await writeFile(join(root, 'f'), '');
    await expect(stageDir(join(root, 'f'))).rejects.toMatchObject({ code: 'CLI_OUTPUT_FAILED' });
  });
});
