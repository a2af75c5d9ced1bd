import { describe, expect, it } from 'vitest';
import { exitCodeOf, TrainerError } from './errors.js';

describe('exitCodeOf', () => {
  it('maps usage and input errors to 2, interrupts to 130, the rest to 1', () => {
    expect(exitCodeOf(new TrainerError('CLI_BAD_FLAG', 'x'))).toBe(2);
    expect(exitCodeOf({ code: 'CV_INVALID_ARGUMENT' })).toBe(2);
    expect(exitCodeOf({ code: 'BIOVID_BAD_ROW' })).toBe(2);
    expect(exitCodeOf({ code: 'EXPERIMENT_ABORTED' })).toBe(130);
    expect(exitCodeOf({ code: 'DATASET_MISMATCH' })).toBe(2);
    expect(exitCodeOf({ code: 'QUEUE_UNAVAILABLE' })).toBe(1);
    expect(exitCodeOf(new Error('boom'))).toBe(1);
    expect(exitCodeOf(null)).toBe(1);
  });
});
