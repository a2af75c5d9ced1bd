/**
 * @module The default runtime registry: onnxruntime-node (native, fastest) before onnxruntime-web
 * (WASM, runs anywhere).
 */
import { loadNodeRuntime } from './node-runtime.js';
import { createRuntimeRegistry, type RuntimeRegistry } from './runtime-registry.js';
import { loadWebRuntime } from './web-runtime.js';

/** The registry `createInferenceSession` uses unless given another: `node` (priority 20), `web` (10). */
export const defaultRuntimeRegistry: RuntimeRegistry = createRuntimeRegistry();
defaultRuntimeRegistry.register('node', 20, loadNodeRuntime);
defaultRuntimeRegistry.register('web', 10, loadWebRuntime);
