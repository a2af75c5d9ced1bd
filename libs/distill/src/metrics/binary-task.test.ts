import { describe, expect, it } from 'vitest';
import { binaryTaskMetrics } from './binary-task.js';

describe('binaryTaskMetrics', () => {
  it('keeps BL1 and PA4 windows and compares only their two logits', () => {
    // rows: BL1 predicted BL1 (PA2 logit largest is ignored), PA4 predicted PA4, PA2 dropped, PA4 predicted BL1.
    const logits = Float32Array.of(
      3, 0, 9, 0, 1,
      0, 0, 0, 0, 2,
      0, 0, 5, 0, 0,
      1, 0, 0, 0, 0,
    );
    const m = binaryTaskMetrics(logits, Int32Array.of(0, 4, 2, 4), 5)!;
    expect(m.confusion).toEqual([[1, 0], [1, 1]]);
    expect(m.accuracy).toBeCloseTo(2 / 3, 12);
    expect(m.mae).toBeCloseTo(4 / 3, 12);
  });

  it('returns undefined without BL1/PA4 windows', () => {
    expect(binaryTaskMetrics(new Float32Array(5), Int32Array.of(2), 5)).toBeUndefined();
  });
});
