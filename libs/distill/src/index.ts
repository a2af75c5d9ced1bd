/** @module @painkd/distill public exports. */
export * from './errors.js';
export * from './experiments/report-types.js';
export * from './losses/index.js';
export * from './metrics/index.js';
