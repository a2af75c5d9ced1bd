/**
 * @module An error as plain data, for crossing a thread or a process: message, stable `code` and
 * stack survive; anything else does not.
 */

/** An error as plain data. */
export interface SerializedError {
  readonly message: string;
  readonly code?: string;
  readonly stack?: string;
}

/** An error rebuilt from {@link SerializedError}: a plain `Error` carrying the original `code`. */
export type RevivedError = Error & { readonly code?: string };

/**
 * Reduces any thrown value to {@link SerializedError}.
 *
 * @example
 * port.postMessage({ type: 'error', error: serializeError(error) });
 */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { message: error.message, ...(typeof code === 'string' ? { code } : {}), ...(error.stack ? { stack: error.stack } : {}) };
}

/**
 * Rebuilds an error in this thread, keeping its message, stable `code` and stack.
 *
 * @example
 * reject(reviveError(message.error));
 */
export function reviveError(error: SerializedError): RevivedError {
  const revived: RevivedError = Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
  if (error.stack) revived.stack = error.stack;
  return revived;
}
