import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './parse-args.js';

describe('parseCliArgs', () => {
  it('maps flags to config overrides and paths', () => {
    const o = parseCliArgs(['--profile', 'full', '--cv', 'group-kfold', '--folds', '5', '--task', 'binary', '--seed', '7', '--backend', 'cpu', '--data', 'd', '--out', 'o', '--workers', '1']);
    expect(o.overrides).toEqual({ profile: 'full', cv: { scheme: 'group-kfold', folds: 5 }, task: 'binary', seed: 7, backend: 'cpu', workers: 1 });
    expect(o).toMatchObject({ data: 'd', out: 'o', help: false });
    expect(parseCliArgs(['--backend', 'webgpu']).overrides).toEqual({ backend: 'webgpu' });
    expect(parseCliArgs(['--help']).help).toBe(true);
    expect(parseCliArgs([]).overrides).toEqual({});
    expect(parseCliArgs(['--preset', 'privileged', '--repeats', '3']).overrides).toEqual({ preset: 'privileged', cv: { repeats: 3 } });
    expect(parseCliArgs(['--queue', 'redis://h:1', '--resume', 'e1', '--data', 'd'])).toMatchObject({ queue: 'redis://h:1', resume: 'e1', data: 'd' });
  });

  it.each([
    [['--profile', 'huge'], '--profile: expected one of quick, full, got "huge"'],
    [['--folds', 'x'], '--folds: expected an integer from 2 to 10000, got "x"'],
    [['--folds', '1'], '--folds: expected an integer from 2'],
    [['--bogus'], 'unknown flag --bogus'],
    [['--data'], '--data: needs a value'],
    [['oops'], 'unexpected argument "oops"'],
    [['--cv', 'loso', '--folds', '3'], '--folds: not used with --cv loso'],
    [['--preset', 'wrist'], '--preset: expected one of default, privileged, got "wrist"'],
    [['--repeats', '0'], '--repeats: expected an integer from 1 to 100'],
    [['--resume', 'e1'], '--resume: needs --queue'],
    [['--queue', 'redis://h:1', '--resume', 'e1', '--seed', '3', '--folds', '4'], '--resume: the experiment keeps its own config; drop --cv/--folds/--repeats, --seed'],
    [['--backend', 'cuda'], '--backend: expected one of auto, webgpu, tfjs-node-gpu, tfjs-node, wasm, cpu, got "cuda"'],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(expect.objectContaining({ code: 'CLI_BAD_FLAG', message: expect.stringContaining(message) }));
  });
});
