/**
 * @module Messages between `WorkerEngine` (main thread) and `engine-worker` (worker thread).
 */
import type { ApiErrorCode } from '../errors/api-error.js';
import type { Prediction, StageTimings } from './predictor.js';

/** Main → worker. */
export type WorkerRequest =
  | { readonly type: 'raw'; readonly id: number; readonly samples: Float32Array[]; readonly rates: number[] }
  | { readonly type: 'pre'; readonly id: number; readonly inputs: Float32Array[] }
  | { readonly type: 'close' };

/** Worker → main. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'run'; readonly ms: number; readonly batch: number }
  | { readonly type: 'result'; readonly id: number; readonly predictions: Prediction[]; readonly timings: StageTimings }
  | {
      readonly type: 'error';
      readonly id: number;
      readonly error: { readonly code: ApiErrorCode; readonly message: string; readonly path: string; readonly details: Readonly<Record<string, unknown>> | undefined };
    };
