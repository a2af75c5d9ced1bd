/** @module A deadline rejects after its time without a reset, and not before. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { startDeadline } from './deadline.js';

describe('startDeadline', () => {
  it('rejects only once ms pass without a reset', async () => {
    const d = startDeadline(60, () => new ApiError('STREAM_IDLE_TIMEOUT', 'idle'));
    let failed: unknown;
    d.expired.catch((e: unknown) => {
      failed = e;
    });
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 30));
      d.reset();
    }
    expect(failed).toBeUndefined();
    await new Promise((r) => setTimeout(r, 90));
    expect(failed).toMatchObject({ code: 'STREAM_IDLE_TIMEOUT' });
    d.clear();
  });
});
