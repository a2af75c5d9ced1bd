/**
 * @module The edge of the app: every error and every unmatched route becomes
 * `{ error: { code, message, path } }` with the status its code maps to.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './api-error.js';
import { toApiError } from './to-api-error.js';

/**
 * Answers an {@link ApiError} as JSON.
 *
 * @example
 * return errorResponse(c, new ApiError('NOT_FOUND', 'no such route', '/nope'));
 */
export function errorResponse(c: Context, error: ApiError): Response {
  return c.json(error.toBody(), error.status);
}

/**
 * Creates the app's `onError` handler. `log` receives errors that map to 5xx (server faults).
 *
 * @example
 * app.onError(createErrorHandler(console.error));
 */
export function createErrorHandler(log: (error: unknown) => void): ErrorHandler {
  return function onError(error, c) {
    let apiError: ApiError;
    if (error instanceof HTTPException) {
      apiError =
        error.status === 413
          ? new ApiError('BODY_TOO_LARGE', 'request body too large', 'body')
          : error.status === 401
            ? new ApiError('UNAUTHORIZED', error.message || 'unauthorized', 'headers.authorization')
            : new ApiError('BAD_REQUEST', error.message || 'bad request', c.req.path);
    } else {
      apiError = toApiError(error, '');
    }
    if (apiError.status >= 500) log(error);
    return errorResponse(c, apiError);
  };
}

/**
 * The app's `notFound` handler: 404 `NOT_FOUND` naming the path.
 *
 * @example
 * app.notFound(notFound);
 */
export const notFound: NotFoundHandler = function notFound(c) {
  return errorResponse(c, new ApiError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`, c.req.path));
};
