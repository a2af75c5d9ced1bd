/** @module Public exports of the preprocess part of @painkd/signals. */
export {};
