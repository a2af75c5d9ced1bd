import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { activateBackend } from './activate-backend.js';

describe('activateBackend', () => {
  it('switches tfjs to a registered backend and refuses one whose factory fails', async () => {
    await activateBackend('cpu');
    expect(tf.getBackend()).toBe('cpu');
    tf.registerBackend('painkd-broken', () => {
      throw new Error('no device');
    });
    await expect(activateBackend('painkd-broken')).rejects.toThrow("tf.setBackend('painkd-broken') failed");
    tf.removeBackend('painkd-broken');
  });
});
