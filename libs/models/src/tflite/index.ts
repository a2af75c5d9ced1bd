/** @module Public exports of @painkd/models' TFLite part: export, int8, reader, runtimes, microcontroller source. */
export { exportTflite, tfliteCalibrationTensors, type ExportTfliteOptions, type TfliteIo } from './export-tflite.js';
export { quantizeTflite, type TfliteInt8Models } from './quantize-tflite.js';
export { readTflite } from './tflite-reader.js';
export { writeTflite } from './tflite-writer.js';
export type { TfliteGraph, TfliteOperator, TfliteOptions, TfliteQuantization, TfliteTensor } from './tflite-graph.js';
export { TfliteError, type TfliteErrorCode } from './tflite-error.js';
export { estimateArenaBytes, microSource, type MicroSource } from './micro-source.js';
export { createTfliteSession, TFLITE_RUNTIMES, type TfliteIoType, type TfliteRuntimeName, type TfliteSession } from './runtimes/tflite-session.js';
export { tfliteLogits } from './runtimes/tflite-logits.js';
