import { describe, expect, it } from 'vitest';
import { parseWorkerArgs } from './worker-args.js';

describe('parseWorkerArgs', () => {
  it('reads the queue, concurrency, backend, data folder, stall timeout and name', () => {
    expect(parseWorkerArgs(['--queue', 'redis://h:6379'])).toEqual({ help: false, queue: 'redis://h:6379', concurrency: 1, backend: 'auto', stallSeconds: 30 });
    expect(parseWorkerArgs(['--queue', 'redis://h:1', '--concurrency', '4', '--backend', 'wasm', '--data', 'd', '--stall-timeout', '5', '--name', 'gpu-1'])).toMatchObject({
      concurrency: 4,
      backend: 'wasm',
      data: 'd',
      stallSeconds: 5,
      name: 'gpu-1',
    });
    expect(parseWorkerArgs(['--queue', 'redis://h:1', '--backend', 'webgpu']).backend).toBe('webgpu');
    expect(parseWorkerArgs(['--help']).help).toBe(true);
  });

  it.each([
    [[], '--queue: required'],
    [['--queue', 'redis://h:1', '--concurrency', '0'], '--concurrency: expected an integer from 1 to 64'],
    [['--queue', 'redis://h:1', '--backend', 'gpu'], '--backend: expected one of'],
    [['--queue', 'redis://h:1', '--name', 'a b'], '--name: letters'],
    [['--queue', 'redis://h:1', '--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseWorkerArgs(argv)).toThrow(expect.objectContaining({ code: 'CLI_BAD_FLAG', message: expect.stringContaining(message) }));
  });
});
