import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../errors.js';
import { createRuntimeRegistry } from './runtime-registry.js';
import type { OnnxRuntime, RuntimeName } from './runtime-types.js';

const fake = (name: RuntimeName): OnnxRuntime => ({
  name,
  createSession: () => Promise.reject(new Error('not used')),
  floatTensor: () => {
    throw new Error('not used');
  },
});

describe('createRuntimeRegistry', () => {
  it('resolves auto by priority and falls back past a failing runtime', async () => {
    const registry = createRuntimeRegistry();
    registry.register('web', 10, async () => fake('web'));
    registry.register('node', 20, async () => {
      throw new Error('native binary missing');
    });
    expect(registry.names()).toEqual(['node', 'web']);
    expect((await registry.resolve('auto', 1)).name).toBe('web');
  });

  it('reports every failure when no runtime works', async () => {
    const registry = createRuntimeRegistry();
    registry.register('node', 20, async () => {
      throw new Error('native binary missing');
    });
    registry.register('web', 10, async () => {
      throw new Error('no WebAssembly');
    });
    const error = await registry.resolve('auto', 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeError);
    expect((error as RuntimeError).code).toBe('RUNTIME_UNAVAILABLE');
    expect((error as RuntimeError).message).toMatch(/node: native binary missing[\s\S]*web: no WebAssembly/);
  });

  it('resolves an explicit name only to that runtime and rejects unknown names', async () => {
    const registry = createRuntimeRegistry();
    registry.register('node', 20, async () => fake('node'));
    registry.register('web', 10, async () => fake('web'));
    expect((await registry.resolve('web', 1)).name).toBe('web');
    const empty = createRuntimeRegistry();
    await expect(empty.resolve('node', 1)).rejects.toMatchObject({ code: 'RUNTIME_UNAVAILABLE' });
  });
});
