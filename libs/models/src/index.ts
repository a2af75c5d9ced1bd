/** @module @painkd/models public exports. */
export * from './backends/index.js';
export * from './nets/index.js';
export * from './nets/net-spec.js';
export * from './ops/index.js';
export * from './export/index.js';
export * from './onnx/index.js';
export * from './tflite/index.js';
export * from './artifact/index.js';
export * from './latency/index.js';
