/** @module @painkd/edge-api public exports. */
export {};
