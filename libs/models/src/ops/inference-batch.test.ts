import { afterAll, describe, expect, it } from 'vitest';
import { inferenceBatchSize } from './inference-batch.js';
import { useBackend } from '../testing/tensors.js';

describe('inferenceBatchSize', () => {
  afterAll(async () => {
    await useBackend('cpu');
  });

  it('is moderate on host-memory backends and large on a GPU backend', async () => {
    await useBackend('wasm');
    expect(inferenceBatchSize()).toBe(512);
    await useBackend('cpu');
    expect(inferenceBatchSize()).toBe(512);
    await useBackend('webgpu');
    expect(inferenceBatchSize()).toBe(4096);
  });
});
