/**
 * @module Streaming windows: chunks of any size, each with a sequence number, go in; a fixed-length
 * window comes out every hop — the same windows `windowSignal` cuts from the whole signal. Memory
 * is one window of samples, whatever the stream's length.
 */
import { SignalsError } from '../errors.js';
import type { SignalWindow } from '../preprocess/window-signal.js';

/** Options of {@link StreamWindower}. Sizes are in samples at the stream's own rate. */
export interface StreamWindowerOptions {
  /** Samples per window (e.g. `secondsToSamples(config.windowSeconds, streamRate)`), ≥ 1. */
  readonly windowSamples: number;
  /** Samples between window starts, ≥ 1; may exceed `windowSamples`. */
  readonly hopSamples: number;
  /** Sequence number of the first chunk; default 0. */
  readonly firstSeq?: number;
}

/** One chunk's samples: numbers, with `null` (JSON's stand-in for NaN) marking a missing sample. */
export type StreamChunk = ArrayLike<number | null>;

function invalid(path: string, message: string, details: Record<string, unknown> = {}): never {
  throw new SignalsError('STREAM_INVALID_CHUNK', message, { path }, details);
}

/**
 * Cuts a chunked, sequence-numbered sample stream into fixed-length windows: windows start at
 * stream samples 0, hop, 2·hop, … and each is emitted as soon as its last sample arrives. A chunk
 * is accepted whole or not at all: a rejected push leaves the windower unchanged, so the client
 * can resend from `expectedSeq`.
 *
 * Missing samples (NaN, or `null` from JSON) are kept as NaN for `preprocessWindow` to fill.
 *
 * @example
 * const windower = new StreamWindower({ windowSamples: secondsToSamples(5.5, 512), hopSamples: 512 });
 * for (const w of windower.push(0, chunk)) {
 *   const input = preprocessWindow(w.samples, 512, config);
 * }
 */
export class StreamWindower {
  /** Samples per emitted window. */
  readonly windowSamples: number;
  /** Samples between the starts of consecutive windows. */
  readonly hopSamples: number;
  private readonly ring: Float32Array;
  private writePos = 0;
  private received = 0;
  private nextStart = 0;
  private emitted = 0;
  private nextSeq: number;

  /** @throws SignalsError `SIGNAL_INVALID_ARGUMENT` naming the bad option. */
  constructor(options: StreamWindowerOptions) {
    const { windowSamples, hopSamples, firstSeq = 0 } = options;
    for (const [name, value] of [
      ['windowSamples', windowSamples],
      ['hopSamples', hopSamples],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new SignalsError('SIGNAL_INVALID_ARGUMENT', `must be an integer >= 1, got ${String(value)}`, { path: name }, { argument: name });
      }
    }
    if (!Number.isSafeInteger(firstSeq) || firstSeq < 0) {
      throw new SignalsError('SIGNAL_INVALID_ARGUMENT', `must be an integer >= 0, got ${String(firstSeq)}`, { path: 'firstSeq' }, { argument: 'firstSeq' });
    }
    this.windowSamples = windowSamples;
    this.hopSamples = hopSamples;
    this.ring = new Float32Array(windowSamples);
    this.nextSeq = firstSeq;
  }

  /** The sequence number the next chunk must carry. */
  get expectedSeq(): number {
    return this.nextSeq;
  }

  /** Samples accepted so far. */
  get samplesReceived(): number {
    return this.received;
  }

  /** Windows emitted so far (the next window's `index`). */
  get windowsEmitted(): number {
    return this.emitted;
  }

  /**
   * Accepts chunk `seq` and returns the windows it completes (often none, possibly several).
   *
   * @throws SignalsError `STREAM_SEQ_GAP` (seq ahead of the expected one) or
   *   `STREAM_SEQ_DUPLICATE` (seq already seen), both with `details.expectedSeq` and
   *   `details.receivedSeq`; `STREAM_INVALID_CHUNK` for a seq that is not an integer ≥ 0 or
   *   samples that are not numbers/null (`details.index` names the first bad sample).
   */
  push(seq: number, samples: StreamChunk): SignalWindow[] {
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
      invalid('seq', `seq must be an integer >= 0, got ${String(seq)}`, { receivedSeq: seq, expectedSeq: this.nextSeq });
    }
    if (seq !== this.nextSeq) {
      const gap = seq > this.nextSeq;
      throw new SignalsError(
        gap ? 'STREAM_SEQ_GAP' : 'STREAM_SEQ_DUPLICATE',
        gap ? `chunk ${seq} arrived but ${this.nextSeq} was expected (gap)` : `chunk ${seq} was already received; ${this.nextSeq} is expected`,
        { path: 'seq' },
        { expectedSeq: this.nextSeq, receivedSeq: seq },
      );
    }
    checkSamples(samples);
    const windows: SignalWindow[] = [];
    const n = samples.length;
    const ring = this.ring;
    const size = this.windowSamples;
    let offset = 0;
    while (offset < n) {
      const untilWindow = this.nextStart + size - this.received;
      const take = Math.min(untilWindow, n - offset);
      let pos = this.writePos;
      for (let i = 0; i < take; i++) {
        const v = samples[offset + i];
        ring[pos] = v === null ? Number.NaN : v;
        if (++pos === size) pos = 0;
      }
      this.writePos = pos;
      this.received += take;
      offset += take;
      if (take === untilWindow) windows.push(this.emit());
    }
    this.nextSeq++;
    return windows;
  }

  /** Copies the last `windowSamples` samples (oldest first) out of the ring. */
  private emit(): SignalWindow {
    const samples = new Float32Array(this.windowSamples);
    const tail = this.ring.subarray(this.writePos);
    samples.set(tail, 0);
    samples.set(this.ring.subarray(0, this.writePos), tail.length);
    const window = { index: this.emitted, startSample: this.nextStart, samples };
    this.emitted++;
    this.nextStart += this.hopSamples;
    return window;
  }
}

function checkSamples(samples: unknown): asserts samples is StreamChunk {
  if (ArrayBuffer.isView(samples) && !(samples instanceof DataView) && !(samples instanceof BigInt64Array) && !(samples instanceof BigUint64Array)) return;
  if (!Array.isArray(samples)) invalid('samples', 'samples must be a typed array or an array of numbers');
  for (let i = 0; i < samples.length; i++) {
    const v: unknown = samples[i];
    if (typeof v !== 'number' && v !== null) invalid('samples', `sample ${i} is not a number or null: ${JSON.stringify(v)}`, { index: i });
  }
}

/**
 * Creates a {@link StreamWindower}.
 *
 * @example
 * const windower = createStreamWindower({ windowSamples: 2816, hopSamples: 512 });
 */
export function createStreamWindower(options: StreamWindowerOptions): StreamWindower {
  return new StreamWindower(options);
}
