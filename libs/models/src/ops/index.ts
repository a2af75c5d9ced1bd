/** @module Public exports of painkd's tfjs ops that train on every backend. */
export { batchNormTrain, type BatchNormTrainOptions } from './batch-norm.js';
export { conv1d, conv1dFilterGrad, conv1dInputGrad, conv1dView, type Conv1dOptions } from './conv1d.js';
export { conv1dGeometry, type Conv1dGeometry } from './conv1d-geometry.js';
export { globalAvgPool1dView } from './global-avg-pool1d.js';
export { createHostAdam, type HostAdam, type HostAdamOptions } from './host-adam.js';
export { dense } from './dense.js';
export { maxPool1dView, type MaxPool1dOptions } from './max-pool1d.js';
export { hostOutput, hostView, type HostOutput } from './host-view.js';
export { channelMean, channelMeanHost } from './channel-mean.js';
export { channelAffine } from './channel-affine.js';
export { createAdam } from './adam.js';
export type { Adam, AdamOptions } from './adam-core.js';
export { inferenceBatchSize } from './inference-batch.js';
