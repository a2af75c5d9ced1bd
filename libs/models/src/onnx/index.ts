/** @module Public exports of @painkd/models' ONNX part: export, int8 quantisation, artifacts. */
export * from './onnx-error.js';
export * from './export-onnx.js';
export { PAINKD_VERSION } from './painkd-version.js';
export * from './quantize/quant-params.js';
export * from './quantize/calibrate.js';
export * from './quantize/quantize-onnx.js';
export * from './quantize/compare-models.js';
export * from './quantize/choose-calibration.js';
export * from './net-stats.js';
