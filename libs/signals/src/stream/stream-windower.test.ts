import { describe, expect, it } from 'vitest';
import { windowSignal } from '../preprocess/window-signal.js';
import { createStreamWindower, StreamWindower } from './stream-windower.js';
import { caught } from '../testing/error-at.js';

const ramp = (from: number, length: number) => Float32Array.from({ length }, (_, i) => from + i);

describe('StreamWindower', () => {
  it('emits a window every hop once its last sample arrives', () => {
    const windower = createStreamWindower({ windowSamples: 4, hopSamples: 2 });
    expect(windower.push(0, ramp(0, 3))).toEqual([]);
    const second = windower.push(1, ramp(3, 4)); // samples 3..6 complete windows [0,4) and [2,6)
    expect(second.map((w) => [w.index, w.startSample, Array.from(w.samples)])).toEqual([
      [0, 0, [0, 1, 2, 3]],
      [1, 2, [2, 3, 4, 5]],
    ]);
    expect(windower.push(2, [7]).map((w) => Array.from(w.samples))).toEqual([[4, 5, 6, 7]]);
    expect(windower.expectedSeq).toBe(3);
    expect(windower.samplesReceived).toBe(8);
    expect(windower.windowsEmitted).toBe(3);
  });

  it('emits the same windows as windowSignal, with hops longer than the window too', () => {
    const signal = ramp(0, 50);
    for (const [size, hop] of [
      [7, 3],
      [5, 9],
      [1, 1],
    ]) {
      const windower = new StreamWindower({ windowSamples: size, hopSamples: hop });
      const streamed = [];
      for (let seq = 0, at = 0; at < signal.length; seq++, at += 6) streamed.push(...windower.push(seq, signal.subarray(at, at + 6)));
      expect(streamed).toEqual(windowSignal(signal, size, hop));
    }
  });

  it('keeps missing samples as NaN (null from JSON too)', () => {
    const windower = new StreamWindower({ windowSamples: 3, hopSamples: 3 });
    const [w] = windower.push(0, [1, null, Number.NaN]);
    expect(w.samples[0]).toBe(1);
    expect(Number.isNaN(w.samples[1]) && Number.isNaN(w.samples[2])).toBe(true);
  });

  it('rejects gaps and duplicates with the expected seq, leaving the state unchanged', () => {
    const windower = new StreamWindower({ windowSamples: 2, hopSamples: 1, firstSeq: 10 });
    windower.push(10, [1]);
    const gap = caught(() => windower.push(12, [2]));
    expect(gap.code).toBe('STREAM_SEQ_GAP');
    expect(gap.details).toEqual({ expectedSeq: 11, receivedSeq: 12 });
    const duplicate = caught(() => windower.push(10, [2]));
    expect(duplicate.code).toBe('STREAM_SEQ_DUPLICATE');
    expect(duplicate.details).toEqual({ expectedSeq: 11, receivedSeq: 10 });
    expect(windower.samplesReceived).toBe(1);
    expect(windower.push(11, [2]).map((w) => Array.from(w.samples))).toEqual([[1, 2]]);
  });

  it('rejects invalid chunks whole, before taking any sample', () => {
    const windower = new StreamWindower({ windowSamples: 2, hopSamples: 2 });
    expect(caught(() => windower.push(-1, [1])).code).toBe('STREAM_INVALID_CHUNK');
    expect(caught(() => windower.push(0.5, [1])).code).toBe('STREAM_INVALID_CHUNK');
    const bad = caught(() => windower.push(0, [1, '2' as unknown as number]));
    expect(bad.code).toBe('STREAM_INVALID_CHUNK');
    expect(bad.details).toEqual({ index: 1 });
    expect(caught(() => windower.push(0, 'ab' as unknown as number[])).code).toBe('STREAM_INVALID_CHUNK');
    expect(windower.samplesReceived).toBe(0);
    expect(windower.expectedSeq).toBe(0);
  });

  it('accepts empty chunks (they only advance seq)', () => {
    const windower = new StreamWindower({ windowSamples: 2, hopSamples: 2 });
    expect(windower.push(0, [])).toEqual([]);
    expect(windower.expectedSeq).toBe(1);
  });

  it('rejects bad options naming them', () => {
    expect(caught(() => new StreamWindower({ windowSamples: 0, hopSamples: 1 })).location.path).toBe('windowSamples');
    expect(caught(() => new StreamWindower({ windowSamples: 2, hopSamples: 1.5 })).location.path).toBe('hopSamples');
    expect(caught(() => new StreamWindower({ windowSamples: 2, hopSamples: 1, firstSeq: -1 })).location.path).toBe('firstSeq');
  });
});
