import { describe, expect, it } from 'vitest';
import { buildNetSpec } from '@painkd/models';
import { timeTorchTraining } from './torch-train.js';

describe('timeTorchTraining', () => {
  it('returns a reason instead of a timing when the Python interpreter is missing', () => {
    const spec = buildNetSpec('student-tiny', {}, { inputLength: 176, channels: 1, classes: 5 });
    const result = timeTorchTraining(spec, { batch: 8, threads: 1, seed: 1, plan: { warmup: 1, windows: 1, seconds: 0, minSteps: 1 }, python: '/nonexistent/python3' });
    expect(result).toEqual({ ok: false, reason: '/nonexistent/python3 not found' });
  });
});
