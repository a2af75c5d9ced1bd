/** @module @painkd/distill public exports. */
export * from './errors.js';
export * from './experiments/experiment-config.js';
export * from './experiments/report-types.js';
export * from './cv/index.js';
export * from './data/index.js';
export * from './losses/index.js';
export * from './metrics/index.js';
export * from './training/index.js';
