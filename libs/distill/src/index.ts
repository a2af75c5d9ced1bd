/** @module @painkd/distill public exports. */
export {};
