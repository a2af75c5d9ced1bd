/** @module Public exports of the losses part of @painkd/distill. */
export * from './adaptive-avg-pool.js';
export * from './cosine-hint-loss.js';
export * from './cross-entropy-loss.js';
export * from './dkd-loss.js';
export * from './hint-mse-loss.js';
export * from './kd-loss.js';
export * from './rkd-angle-loss.js';
export * from './rkd-distance-loss.js';
export * from './similarity-preserving-loss.js';
