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
  });

  it.each([
    [['--profile', 'huge'], '--profile: expected one of quick, full, got "huge"'],
    [['--folds', 'x'], '--folds: expected an integer from 2 to 10000, got "x"'],
    [['--folds', '1'], '--folds: expected an integer from 2'],
    [['--bogus'], 'unknown flag --bogus'],
    [['--data'], '--data: needs a value'],
    [['oops'], 'unexpected argument "oops"'],
    [['--cv', 'loso', '--folds', '3'], '--folds: not used with --cv loso'],
    [['--backend', 'cuda'], '--backend: expected one of auto, webgpu, tfjs-node-gpu, tfjs-node, wasm, cpu, got "cuda"'],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(expect.objectContaining({ code: 'CLI_BAD_FLAG', message: expect.stringContaining(message) }));
  });
});
