/**
 * @module Answers to HTTP protocol errors Node's parser raises before a request reaches the app
 * (a bad request line, headers over 16 KiB, broken chunking, a client that times out): a JSON
 * error like the app's own, 431 for oversized headers — or, when a response is already on its way
 * on that connection, no answer at all: the socket is destroyed, so raw HTTP never lands inside a
 * body that has started.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError, type ApiErrorCode } from '../errors/api-error.js';

/** Node's parser error codes that have an answer of their own (any other is a 400). */
const KNOWN: Readonly<Record<string, { readonly code: ApiErrorCode; readonly message: string }>> = {
  HPE_HEADER_OVERFLOW: { code: 'HEADERS_TOO_LARGE', message: 'the request line and headers exceed 16 KiB' },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'REQUEST_TIMEOUT', message: 'the request did not arrive in time' },
  ERR_HTTP_HEADERS_TIMEOUT: { code: 'REQUEST_TIMEOUT', message: 'the request headers did not arrive in time' },
};

function apiErrorFor(code: string | undefined): ApiError {
  const known = code === undefined ? undefined : KNOWN[code];
  return new ApiError(known?.code ?? 'BAD_REQUEST', known?.message ?? `malformed HTTP request${code === undefined ? '' : ` (${code})`}`, { path: 'http' });
}

/**
 * Handles Node's `clientError` for `socket`; `responding` says whether a response has started on it.
 *
 * @example
 * server.on('clientError', (error, socket) => answerClientError(error, socket, inFlight(socket)));
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket, responding: boolean): void {
  if (responding || !socket.writable) {
    socket.destroy();
    return;
  }
  const apiError = apiErrorFor(error.code);
  const { status } = apiError;
  const body = JSON.stringify(apiError.toBody());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
