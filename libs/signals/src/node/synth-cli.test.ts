import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSynthArgs, runSynthCli } from './synth-cli.js';
import { tempFolder } from './test-files.js';

function capture(): { log: (line: string) => void; error: (line: string) => void; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { log: (line) => out.push(line), error: (line) => err.push(line), out, err };
}

describe('synth command', () => {
  let root = '';
  let cleanup = async (): Promise<void> => undefined;
  beforeAll(async () => {
    ({ dir: root, cleanup } = await tempFolder('synth'));
  });
  afterAll(() => cleanup());

  it('parses flags in both spellings with defaults', () => {
    expect(parseSynthArgs(['--out', '/tmp/x', '--subjects=5', '--seed', '0'])).toEqual({
      out: '/tmp/x',
      subjects: 5,
      windowsPerClass: 20,
      seed: 0,
      jobs: 1,
    });
  });

  it.each([
    [['--subjects', '5'], /--out <dir> is required/],
    [['--out', '/x', '--subjects', 'five'], /--subjects must be an integer/],
    [['--out', '/x', '--subjects', '0'], /--subjects must be an integer ≥ 1/],
    [['--out', '/x', '--windows-per-class', '2.5'], /--windows-per-class must be an integer/],
    [['--out', '/x', '--colour', 'red'], /unknown flag --colour/],
    [['--out'], /--out needs a value/],
    [['stray'], /unexpected argument "stray"/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSynthArgs(argv)).toThrow(message);
  });

  it('exits 2 with the usage on bad flags', async () => {
    const io = capture();
    expect(await runSynthCli(['--subjects', 'x'], io)).toBe(2);
    expect(io.err.join('\n')).toContain('Usage: npx nx run signals:synth');
  });

  it('writes the same files with one thread and with worker threads, and prints a summary', async () => {
    const one = capture();
    expect(await runSynthCli(['--out', join(root, 'one'), '--subjects', '2', '--windows-per-class', '1', '--jobs', '1'], one)).toBe(0);
    const two = capture();
    expect(await runSynthCli(['--out', join(root, 'two'), '--subjects', '2', '--windows-per-class', '1', '--jobs', '2'], two)).toBe(0);
    expect(one.out.at(-1)).toMatch(/^done: 10 files \(BL1 2, PA1 2, PA2 2, PA3 2, PA4 2\)/);
    expect(two.out.some((line) => line.includes('10/10 files (100%)'))).toBe(true);
    const subjects = await readdir(join(root, 'one', 'biosignals_filtered'));
    expect(subjects).toHaveLength(2);
    for (const subject of subjects) {
      const files = await readdir(join(root, 'one', 'biosignals_filtered', subject));
      expect(files).toHaveLength(5);
      for (const file of files) {
        const a = await readFile(join(root, 'one', 'biosignals_filtered', subject, file));
        const b = await readFile(join(root, 'two', 'biosignals_filtered', subject, file));
        expect(a.equals(b)).toBe(true);
      }
    }
  });
});
