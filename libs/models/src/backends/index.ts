/** @module Public exports of backend selection. */
export * from './backend-error.js';
export { createBackendRegistry, type BackendCandidate, type BackendInitOptions, type BackendRegistry, type BackendResolution } from './backend-registry.js';
export { BACKEND_NAMES, activeBackend, initBackend, type BackendInfo, type BackendName } from './init-backend.js';
