/** @module @painkd/distill public exports: losses, metrics, cross-validation, training, experiments. */
export * from './errors.js';
export * from './cv/index.js';
export * from './data/index.js';
export * from './experiments/index.js';
export * from './losses/index.js';
export * from './metrics/index.js';
export * from './training/index.js';
