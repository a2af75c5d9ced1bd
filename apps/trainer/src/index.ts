/** @module @painkd/trainer public exports. */
export {};
