import { describe, expect, it } from 'vitest';
import { caught, errorAt } from '../testing/error-at.js';
import { heartRateTrace } from './heart-rate-trace.js';

const grid = { sampleRate: 4, length: 12, minBpm: 30, maxBpm: 220 };

describe('heartRateTrace', () => {
  it('is 60 / RR at each interval midpoint, linear between midpoints, held at the edges', () => {
    // Intervals 1 s (60 bpm, midpoint 1.0 s) and 0.5 s (120 bpm, midpoint 1.75 s).
    const trace = heartRateTrace([0.5, 1.5, 2], grid);
    expect(trace[0]).toBe(60); // t = 0: before the first midpoint
    expect(trace[4]).toBe(60); // t = 1.0
    expect(trace[5]).toBeCloseTo(80, 12); // t = 1.25: a third of the way to 1.75 s
    expect(trace[6]).toBeCloseTo(100, 12);
    expect(trace[7]).toBe(120); // t = 1.75
    expect(trace[11]).toBe(120); // after the last midpoint
  });

  it('leaves out intervals outside [minBpm, maxBpm] (a missed or an extra beat)', () => {
    // 0.1 s (600 bpm: an extra detection) and 3 s (20 bpm: missed beats) are ignored.
    const trace = heartRateTrace([0, 1, 1.1, 4.1, 5.1], { ...grid, length: 24 });
    expect(new Set(trace)).toEqual(new Set([60]));
  });

  it('throws SIGNAL_NO_HEARTBEAT at the given path when no interval is usable', () => {
    const error = caught(() => heartRateTrace([1], { ...grid, path: 'recording.channels.ecg' }));
    expect(error.code).toBe('SIGNAL_NO_HEARTBEAT');
    expect(error.location.path).toBe('recording.channels.ecg');
    expect(errorAt(() => heartRateTrace([], grid))).toBe('SIGNAL_NO_HEARTBEAT@beatTimes');
    expect(errorAt(() => heartRateTrace([0, 5], grid))).toBe('SIGNAL_NO_HEARTBEAT@beatTimes');
  });

  it('refuses beats out of order and bad options', () => {
    expect(errorAt(() => heartRateTrace([1, 0.5], grid))).toBe('SIGNAL_INVALID_ARGUMENT@beatTimes');
    expect(errorAt(() => heartRateTrace([0, 1], { ...grid, length: 0 }))).toBe('SIGNAL_INVALID_ARGUMENT@options.length');
    expect(errorAt(() => heartRateTrace([0, 1], { ...grid, maxBpm: 10 }))).toBe('SIGNAL_INVALID_ARGUMENT@options.maxBpm');
  });
});
