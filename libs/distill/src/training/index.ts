/** @module Public exports of the training part of @painkd/distill. */
export * from './loss-spec.js';
export * from './objective.js';
export * from './plateau.js';
export * from './predict.js';
export * from './train-net.js';
export * from './trainable-net.js';
