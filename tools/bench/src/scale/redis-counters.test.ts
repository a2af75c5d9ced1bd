import { describe, expect, it } from 'vitest';
import { perUnit } from './redis-counters.js';

describe('perUnit', () => {
  it('divides the difference by the units, not counting the INFO call itself', () => {
    expect(perUnit({ commands: 10, cpuSeconds: 1, bytes: 100 }, { commands: 31, cpuSeconds: 1.002, bytes: 300 }, 10)).toEqual({ commands: 2, cpuUs: expect.closeTo(200, 6), bytes: 20 });
  });
});
