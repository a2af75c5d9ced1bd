/**
 * @module @painkd/edge-api public exports: build the Hono app around a verified model, serve it,
 * and the typed pieces (errors, limits, config) callers and tools may need. Never imports
 * TensorFlow.js: inference is ONNX Runtime via @painkd/runtime, preprocessing @painkd/signals.
 */
export { createApp, EDGE_API_VERSION, type CreateAppOptions, type EdgeApp } from './app/create-app.js';
export type { AppEnv } from './app/app-env.js';
export { DEFAULT_LIMITS, type ApiLimits } from './config/limits.js';
export { ConfigError, loadServerConfig, USAGE, type ServerConfig } from './config/server-config.js';
export { API_ERROR_STATUS, ApiError, type ApiErrorBody, type ApiErrorCode } from './errors/api-error.js';
export { toApiError } from './errors/to-api-error.js';
export { loadPredictor, softmax, StartupError, type LoadPredictorOptions } from './model/onnx-predictor.js';
export type { ModelInfo, Prediction, Predictor, StageTimings } from './model/predictor.js';
export { main } from './main.js';
export { startServer, type RunningServer } from './server/start-server.js';
export { SAMPLE_RATE_RANGE, windowLengthBounds, type WindowSpec } from './validation/parse-window.js';
