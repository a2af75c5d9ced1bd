import { describe, expect, it } from 'vitest';
import { errorAt } from '../testing/error-at.js';
import { readFixture, relativeError } from '../testing/fixtures.js';
import { savitzkyGolay } from './savitzky-golay.js';

interface SavgolCase {
  name: string;
  windowLength: number;
  polyOrder: number;
  x: number[];
  y: number[];
}

const fixture = readFixture<{ cases: SavgolCase[] }>('savgol.json');

describe('savitzkyGolay', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('equals scipy savgol_filter: %s', (_name, c) => {
    const y = savitzkyGolay(Float64Array.from(c.x), c.windowLength, c.polyOrder);
    expect(y).toBeInstanceOf(Float64Array);
    expect(y.length).toBe(c.y.length);
    expect(relativeError(y, c.y)).toBeLessThan(1e-9);
  });

  it('accepts Float32Array and plain arrays with the same result', () => {
    const c = fixture.cases[0];
    const fromArray = savitzkyGolay(c.x, c.windowLength, c.polyOrder);
    const fromF64 = savitzkyGolay(Float64Array.from(c.x), c.windowLength, c.polyOrder);
    expect(Array.from(fromArray)).toEqual(Array.from(fromF64));
    const fromF32 = savitzkyGolay(Float32Array.from(c.x), c.windowLength, c.polyOrder);
    expect(relativeError(fromF32, c.y)).toBeLessThan(1e-6);
  });

  it('reproduces a polynomial of degree <= polyOrder exactly, edges included', () => {
    const x = new Float64Array(40).map((_, i) => 0.5 - 0.2 * i + 0.03 * i * i - 0.001 * i * i * i);
    const y = savitzkyGolay(x, 11, 3);
    expect(relativeError(y, x)).toBeLessThan(1e-12);
  });

  it('stays accurate for a high order on a long window', () => {
    const x = new Float64Array(301).map((_, i) => Math.cos(i / 17) + 1e-3 * i);
    const y = savitzkyGolay(x, 201, 20);
    // A degree-20 fit over 201 samples reproduces this smooth signal closely.
    expect(relativeError(y, x)).toBeLessThan(1e-6);
  });

  it('rejects bad arguments with a code naming the argument', () => {
    const x = new Float64Array(10);
    expect(errorAt(() => savitzkyGolay(x, 4, 2))).toBe('SIGNAL_INVALID_ARGUMENT@windowLength');
    expect(errorAt(() => savitzkyGolay(x, 11, 2))).toBe('SIGNAL_INVALID_ARGUMENT@windowLength');
    expect(errorAt(() => savitzkyGolay(x, 0, 0))).toBe('SIGNAL_INVALID_ARGUMENT@windowLength');
    expect(errorAt(() => savitzkyGolay(x, 5, 5))).toBe('SIGNAL_INVALID_ARGUMENT@polyOrder');
    expect(errorAt(() => savitzkyGolay(x, 5, -1))).toBe('SIGNAL_INVALID_ARGUMENT@polyOrder');
    expect(errorAt(() => savitzkyGolay(x, 5, 1.5))).toBe('SIGNAL_INVALID_ARGUMENT@polyOrder');
    expect(errorAt(() => savitzkyGolay(new Float64Array(0), 1, 0))).toBe('SIGNAL_INVALID_ARGUMENT@x');
    expect(errorAt(() => savitzkyGolay('abc' as unknown as number[], 1, 0))).toBe('SIGNAL_INVALID_ARGUMENT@x');
  });
});
