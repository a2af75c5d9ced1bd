/**
 * @module @painkd/signals — BioVid I/O, GSR preprocessing, resampling, streaming windows and a
 * synthetic cohort. Pure TypeScript on typed arrays: no ML, no server dependency.
 */
export * from './errors.js';
export * from './io/index.js';
export * from './preprocess/index.js';
export * from './stream/index.js';
export * from './synth/index.js';
