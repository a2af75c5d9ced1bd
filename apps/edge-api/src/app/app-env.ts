/**
 * @module The Hono environment shared by every route: per-request variables set by middleware.
 */
import type { NodeBindings } from '../body/read-body.js';

/** Hono `Env` of the edge API. */
export interface AppEnv {
  Bindings: NodeBindings;
  Variables: {
    /** `performance.now()` when the request entered the app. */
    startedAt: number;
  };
}
