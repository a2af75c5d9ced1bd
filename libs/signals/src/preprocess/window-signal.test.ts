import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { windowSignal } from './window-signal.js';

describe('windowSignal', () => {
  const x = Float64Array.from({ length: 10 }, (_, i) => i);

  it('cuts overlapping windows every hop and drops a short tail', () => {
    const windows = windowSignal(x, 4, 3);
    expect(windows.map((w) => w.startSample)).toEqual([0, 3, 6]);
    expect(windows.map((w) => w.index)).toEqual([0, 1, 2]);
    expect(Array.from(windows[2].samples)).toEqual([6, 7, 8, 9]);
    expect(windows[0].samples).toBeInstanceOf(Float32Array);
  });

  it('supports hops longer than the window, and no window when the signal is too short', () => {
    expect(windowSignal(x, 2, 5).map((w) => Array.from(w.samples))).toEqual([
      [0, 1],
      [5, 6],
    ]);
    expect(windowSignal(x, 11, 1)).toEqual([]);
  });

  it('copies samples (no view on the source)', () => {
    const source = new Float32Array([1, 2, 3]);
    const [window] = windowSignal(source, 3, 1);
    source[0] = 99;
    expect(window.samples[0]).toBe(1);
  });

  it('rejects non-positive sizes naming them', () => {
    expect(() => windowSignal(x, 0, 1)).toThrow(SignalsError);
    expect(() => windowSignal(x, 4, 0)).toThrow(/hopSamples/);
  });
});
