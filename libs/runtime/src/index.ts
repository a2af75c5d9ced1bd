/** @module @painkd/runtime public exports. */
export {};
