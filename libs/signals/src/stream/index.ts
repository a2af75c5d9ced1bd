/** @module Public exports of the stream part of @painkd/signals. */
export {};
