/** @module Public exports of the io part of @painkd/signals. */
export {};
