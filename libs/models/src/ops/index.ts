/** @module Public exports of painkd's tfjs ops that train on every backend. */
export { conv1d, conv1dFilterGrad, conv1dInputGrad, type Conv1dOptions } from './conv1d.js';
export { conv1dGeometry, type Conv1dGeometry } from './conv1d-geometry.js';
export { batchNormTrain, type BatchNormTrainOptions } from './batch-norm.js';
export { conv1dView } from './conv1d.js';
export { createHostAdam, type HostAdam, type HostAdamOptions } from './host-adam.js';
