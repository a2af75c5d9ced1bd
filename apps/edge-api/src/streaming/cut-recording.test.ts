/** @module A recording is one window within the tolerance, windows every hop beyond it, and bounded. */
import { describe, expect, it } from 'vitest';
import { caughtApiError } from '../../tests/support/caught.js';
import { cutRecording } from './cut-recording.js';

const spec = { windowSeconds: 5.5, toleranceSeconds: 0.5, hopSeconds: 1 };
const ramp = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => i);

describe('cutRecording', () => {
  it('keeps a recording within the tolerance whole, as one window', () => {
    const x = ramp(24);
    const [w, ...rest] = cutRecording(x, 4, spec, 10, 'samples');
    expect(rest).toEqual([]);
    expect(w?.samples).toBe(x);
    expect(w).toMatchObject({ startSeconds: 0, endSeconds: 6 });
  });
  it('cuts a longer one into 5.5-s windows every hop, dropping a tail shorter than a hop', () => {
    const windows = cutRecording(ramp(40), 4, spec, 10, 'samples');
    expect(windows.map((w) => [w.startSeconds, w.endSeconds, w.samples.length, w.samples[0]])).toEqual([
      [0, 5.5, 22, 0],
      [1, 6.5, 22, 4],
      [2, 7.5, 22, 8],
      [3, 8.5, 22, 12],
      [4, 9.5, 22, 16],
    ]);
  });
  it('rejects too short (400) and too many windows (413), naming the path', () => {
    expect(caughtApiError(() => cutRecording(ramp(19), 4, spec, 10, 'windows[1].samples'))).toMatchObject({ code: 'INVALID_WINDOW_LENGTH', status: 400, path: 'windows[1].samples' });
    expect(caughtApiError(() => cutRecording(ramp(400), 4, spec, 10, 'samples'))).toMatchObject({ code: 'TOO_MANY_WINDOWS', status: 413, details: { windows: 95, limit: 10 } });
  });
});
