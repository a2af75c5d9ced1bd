/**
 * @module A {@link WindowStream} on the `StreamWindower` of @painkd/signals: windows of
 * {@link windowGeometry} every hop, at the stream's own rate, so a streamed window is bit-for-bit
 * the window a client would POST to `/predict` (or that a long recording is cut into).
 */
import { StreamWindower } from '@painkd/signals';
import { windowGeometry } from './window-geometry.js';
import type { CompletedWindow, WindowStream } from './window-stream.js';

/**
 * Creates a windower for a stream at `sampleRate` Hz whose first chunk has seq 0.
 *
 * @example
 * const s = createSampleWindowStream(4, 5.5, 1);
 * s.push(0, new Float32Array(22)); // one window of 22 samples
 */
export function createSampleWindowStream(sampleRate: number, windowSeconds: number, hopSeconds: number): WindowStream {
  const { windowSamples, hopSamples } = windowGeometry(sampleRate, windowSeconds, hopSeconds);
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
    windowsCompletedBy(samples) {
      const end = windower.samplesReceived + samples;
      return end < nextStart + windowSamples ? 0 : Math.floor((end - nextStart - windowSamples) / hopSamples) + 1;
    },
    push(seq, samples) {
      const windows = windower.push(seq, samples);
      const out: CompletedWindow[] = windows.map((w) => ({
        index: w.index,
        seq,
        startSeconds: w.startSample / sampleRate,
        endSeconds: (w.startSample + windowSamples) / sampleRate,
        samples: w.samples,
      }));
      const last = windows[windows.length - 1];
      if (last !== undefined) nextStart = last.startSample + hopSamples;
      return out;
    },
  };
}
