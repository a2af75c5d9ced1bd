/** @module The stream counts the windows a chunk would complete exactly as it then completes them. */
import { describe, expect, it } from 'vitest';
import { createSampleWindowStream } from './sample-window-stream.js';

describe('createSampleWindowStream', () => {
  it('predicts windowsCompletedBy for any chunk sizes, and times windows from the stream start', () => {
    const s = createSampleWindowStream(4, 5.5, 1);
    let seq = 0;
    for (const n of [3, 19, 1, 4, 9, 40, 2, 1]) {
      const predicted = s.windowsCompletedBy(n);
      const windows = s.push(seq++, new Float32Array(n));
      expect(windows.length, `chunk of ${n}`).toBe(predicted);
    }
    expect(s.push(seq, new Float32Array(4))[0]).toMatchObject({ index: 15, startSeconds: 15, endSeconds: 20.5 });
  });
});
