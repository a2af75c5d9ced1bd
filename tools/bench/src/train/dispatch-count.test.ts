import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { buildNetSpec } from '@painkd/models';
import { countDispatches } from './dispatch-count.js';

describe('countDispatches', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('counts a student step on webgpu, fewer with painkd Adam than with tf.train.adam', async () => {
    const spec = buildNetSpec('student-tiny', {}, { inputLength: 176, channels: 1, classes: 5 });
    const { painkd, tfAdam } = await countDispatches(spec, 8);
    expect(painkd).toBeGreaterThan(50);
    // Adam: 2 dispatches per trainable variable against about a dozen.
    expect(tfAdam - painkd).toBeGreaterThan(8 * spec.layers.filter((l) => l.kind === 'conv1d').length);
  });
});
