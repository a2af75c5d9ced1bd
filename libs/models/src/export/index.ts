/** @module Public exports of the export graph shared by the ONNX and TFLite writers. */
export { foldBatchNorm, type BatchNormParams } from './fold-batch-norm.js';
export { foldNet, type FoldedLayer, type FoldedNet } from './folded-net.js';
