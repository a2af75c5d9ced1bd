/** @module Public exports of the stream part of @painkd/signals. */
export {
  StreamWindower,
  createStreamWindower,
  type StreamChunk,
  type StreamWindowerOptions,
} from './stream-windower.js';
