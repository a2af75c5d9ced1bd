import { describe, expect, it } from 'vitest';
import { resolveExperimentConfig } from './experiment-config.js';
import { runExperiment } from './run-experiment.js';
import { toyDataset } from '../testing/toy-dataset.js';

describe('worker pool', () => {
  it('brings a fold worker error back with its message and stable code, and shuts the workers down', async () => {
    const config = resolveExperimentConfig({
      cv: { folds: 2 },
      training: { epochs: 1 },
      teacher: { net: { arch: 'no-such-net', config: {} } },
      final: { enabled: false, student: 'auto' },
      workers: 2,
      backend: 'cpu',
    });
    const run = runExperiment({ views: { lab: toyDataset(4, 1, 5, 32) }, source: { source: 'synthetic', root: 'toy' }, config });
    await expect(run).rejects.toMatchObject({ code: 'NET_ARCH_UNKNOWN', message: expect.stringContaining('no-such-net') });
  }, 60_000);
});
