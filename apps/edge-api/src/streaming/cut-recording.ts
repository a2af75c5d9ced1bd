/**
 * @module A recording of any length as model windows: one at least a window long but within the
 * model's duration tolerance is one window (as it always was); a longer one is cut into windows
 * every hop from its start, like a stream of it would be. Shorter than a window is a 400.
 */
import { ApiError } from '../errors/api-error.js';
import { checkWindowLength, windowLengthBounds, type RawWindow, type WindowSpec } from '../validation/parse-window.js';
import { windowGeometry } from './window-geometry.js';

/** A window of a recording and where it starts, s. */
export interface RecordingWindow extends RawWindow {
  readonly startSeconds: number;
  readonly endSeconds: number;
}

/**
 * Cuts `samples` at `sampleRate` into model windows (views on `samples`), at most `maxWindows`
 * (413 `TOO_MANY_WINDOWS` beyond).
 *
 * @example
 * cutRecording(tenSecondsAt4Hz, 4, { windowSeconds: 5.5, toleranceSeconds: 0.5, hopSeconds: 1 }, 512, 'samples').length; // 5
 */
export function cutRecording(samples: Float32Array, sampleRate: number, spec: WindowSpec & { readonly hopSeconds: number }, maxWindows: number, path: string): RecordingWindow[] {
  const { max } = windowLengthBounds(sampleRate, spec);
  if (samples.length <= max) {
    checkWindowLength(samples.length, sampleRate, spec, path);
    return [{ samples, sampleRate, startSeconds: 0, endSeconds: samples.length / sampleRate }];
  }
  const { windowSamples, hopSamples } = windowGeometry(sampleRate, spec.windowSeconds, spec.hopSeconds);
  const count = Math.floor((samples.length - windowSamples) / hopSamples) + 1;
  if (count > maxWindows) {
    throw new ApiError('TOO_MANY_WINDOWS', `${path} makes ${count} windows of ${spec.windowSeconds} s every ${spec.hopSeconds} s; at most ${maxWindows} per request`, {
      path,
      details: { windows: count, limit: maxWindows },
    });
  }
  return Array.from({ length: count }, (_, i) => {
    const start = i * hopSamples;
    return { samples: samples.subarray(start, start + windowSamples), sampleRate, startSeconds: start / sampleRate, endSeconds: (start + windowSamples) / sampleRate };
  });
}
