/**
 * @module The streaming contract the HTTP layer relies on: chunks with consecutive `seq` go in,
 * raw windows (at the stream's own rate) come out once per hop after the first full window.
 */

/** A full window cut from a stream, still at the stream's rate. */
export interface CompletedWindow {
  /** 0-based window number within the stream. */
  readonly index: number;
  /** The `seq` of the chunk that completed it. */
  readonly seq: number;
  /** Seconds from the stream's first sample to this window's start and end. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly samples: Float32Array;
}

/** One stream's windower. */
export interface WindowStream {
  readonly sampleRate: number;
  /** The `seq` the next chunk must carry. */
  readonly nextSeq: number;
  /** Samples held, waiting for the next window. */
  readonly bufferedSamples: number;
  /** How many windows a chunk of `samples` samples would complete now. */
  windowsCompletedBy(samples: number): number;
  /**
   * Appends a chunk. Throws a `SignalsError` `STREAM_SEQ_GAP` / `STREAM_SEQ_DUPLICATE` (with
   * `details.expectedSeq`) when `seq` is not {@link WindowStream.nextSeq}.
   */
  push(seq: number, samples: Float32Array): readonly CompletedWindow[];
}
