/** @module @painkd/distill public exports. */
export * from './experiments/report-types.js';
