/** @module Public exports of @painkd/models' ONNX part: export, int8 quantisation, artifacts. */
export * from './onnx-error.js';
export * from './export-onnx.js';
export * from './fold-batch-norm.js';
export { PAINKD_VERSION } from './painkd-version.js';
