/** @module Public exports of the synth part of @painkd/signals. */
export {};
