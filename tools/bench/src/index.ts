/** @module @painkd/bench public exports. */
export {};
