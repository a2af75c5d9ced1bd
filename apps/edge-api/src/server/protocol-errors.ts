/**
 * @module Answers to HTTP protocol errors Node's parser raises before a request reaches the app
 * (a bad request line, headers over 16 KiB, broken chunking, a client that times out): a JSON
 * error like the app's own, 431 for oversized headers — or, when a response is already on its way
 * on that connection, no answer at all: the socket is destroyed, so raw HTTP never lands inside a
 * body that has started.
 */
import type { Socket } from 'node:net';
import { API_ERROR_STATUS, ApiError, type ApiErrorCode } from '../errors/api-error.js';

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function apiErrorFor(code: string | undefined): ApiError {
  const map: Readonly<Record<string, { readonly code: ApiErrorCode; readonly message: string }>> = {
    HPE_HEADER_OVERFLOW: { code: 'HEADERS_TOO_LARGE', message: 'the request line and headers exceed 16 KiB' },
    ERR_HTTP_REQUEST_TIMEOUT: { code: 'REQUEST_TIMEOUT', message: 'the request did not arrive in time' },
    ERR_HTTP_HEADERS_TIMEOUT: { code: 'REQUEST_TIMEOUT', message: 'the request headers did not arrive in time' },
  };
  const known = code === undefined ? undefined : map[code];
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
  const status = API_ERROR_STATUS[apiError.code];
  const body = JSON.stringify(apiError.toBody());
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
