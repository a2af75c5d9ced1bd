/**
 * @module A {@link WindowStream} on the `StreamWindower` of @painkd/signals: windows of
 * `round(windowSeconds · rate)` samples every `round(hopSeconds · rate)` samples, at the stream's
 * own rate, so a streamed window is bit-for-bit the window a client would POST to `/predict`.
 */
import { secondsToSamples, StreamWindower } from '@painkd/signals';
import type { CompletedWindow, WindowStream } from './window-stream.js';

/**
 * Creates a windower for a stream at `sampleRate` Hz whose first chunk has seq 0.
 *
 * @example
 * const s = createSampleWindowStream(4, 5.5, 1);
 * s.push(0, new Float32Array(22)); // one window of 22 samples
 */
export function createSampleWindowStream(sampleRate: number, windowSeconds: number, hopSeconds: number): WindowStream {
  const windowSamples = Math.max(2, secondsToSamples(windowSeconds, sampleRate));
  const hopSamples = Math.max(1, secondsToSamples(hopSeconds, sampleRate));
  const windower = new StreamWindower({ windowSamples, hopSamples, firstSeq: 0 });
  let nextStart = 0;
  return {
    sampleRate,
    get nextSeq() {
      return windower.expectedSeq;
    },
    get bufferedSamples() {
      return Math.min(windowSamples, Math.max(0, windower.samplesReceived - nextStart));
    },
    push(seq, samples) {
      const windows = windower.push(seq, samples);
      const out: CompletedWindow[] = windows.map((w) => ({
        index: w.index,
        seq,
        endSeconds: (w.startSample + windowSamples) / sampleRate,
        samples: w.samples,
      }));
      const last = windows[windows.length - 1];
      if (last !== undefined) nextStart = last.startSample + hopSamples;
      return out;
    },
  };
}
