/**
 * @module @painkd/runtime public exports: ONNX inference sessions over onnxruntime-node /
 * onnxruntime-web, the artifact manifest schema and the verified artifact loader. No TensorFlow.js.
 */
export * from './errors.js';
export * from './session/runtime-types.js';
export * from './session/runtime-registry.js';
export * from './session/node-runtime.js';
export * from './session/web-runtime.js';
export * from './session/default-registry.js';
export * from './session/create-inference-session.js';
export * from './manifest/manifest-schema.js';
export * from './artifact/sha256.js';
export * from './artifact/load-artifact.js';
