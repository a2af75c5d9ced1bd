/**
 * @module Reading a request body under a byte limit. On `@hono/node-server` it reads the Node
 * `IncomingMessage` directly (no web-stream round trip); elsewhere (e.g. `app.request()` in tests)
 * it reads `Request.body`. Past the limit it answers 413 without buffering the rest.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { ApiError } from '../errors/api-error.js';

/** The Node bindings `@hono/node-server` passes as `c.env`. */
export interface NodeBindings {
  readonly incoming?: IncomingMessage;
}

function nodeIncoming(c: Context): IncomingMessage | undefined {
  const env = c.env as NodeBindings | undefined;
  const incoming = env?.incoming;
  if (incoming === undefined || typeof incoming.on !== 'function' || incoming.readableEnded) return undefined;
  return incoming;
}

function tooLarge(limit: number): ApiError {
  return new ApiError('BODY_TOO_LARGE', `request body exceeds ${limit} bytes`, { path: 'body', details: { limit } });
}

/** Rejects early when `Content-Length` already says the body is over the limit. */
function checkDeclaredLength(c: Context, limit: number): void {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
}

function readIncoming(incoming: IncomingMessage, limit: number, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      cleanup();
      incoming.pause();
      reject(new ApiError('REQUEST_TIMEOUT', `the request body did not arrive within ${timeoutMs} ms`, { path: 'body', details: { timeoutMs, received: size } }));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onAbort);
      incoming.off('close', onAbort);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        incoming.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onAbort = (): void => {
      cleanup();
      reject(new ApiError('BAD_REQUEST', 'request body ended before it was complete', { path: 'body' }));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onAbort);
    incoming.on('close', onAbort);
  });
}

async function readStream(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('BAD_REQUEST', 'request body could not be read', { path: 'body' });
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads the whole body as bytes, at most `limit` bytes (413 `BODY_TOO_LARGE` beyond), within
 * `timeoutMs` on a Node server (408 `REQUEST_TIMEOUT` beyond: the server has no global request
 * timeout, so that streams can last; a non-streamed body gets this deadline instead).
 *
 * @example
 * const bytes = await readBody(c, 4 * 1024 * 1024, 120_000);
 */
export async function readBody(c: Context, limit: number, timeoutMs: number): Promise<Uint8Array> {
  checkDeclaredLength(c, limit);
  const incoming = nodeIncoming(c);
  if (incoming !== undefined) return readIncoming(incoming, limit, timeoutMs);
  const body = c.req.raw.body;
  if (body === null) return new Uint8Array(0);
  return readStream(body, limit);
}

/** Pulls body chunks one at a time; `stop()` stops reading without destroying the connection. */
export interface ChunkReader {
  /** The next chunk, or `null` at the end. Rejects with a 400 when the upload breaks off. */
  next(): Promise<Uint8Array | null>;
  /**
   * Stops reading: the rest of the upload is discarded as it arrives (the socket stays open, so
   * the response can still be written and the connection reused).
   */
  stop(): void;
}

function incomingReader(incoming: IncomingMessage): ChunkReader {
  let ended = false;
  let failed = false;
  const onEnd = (): void => {
    ended = true;
  };
  const onError = (): void => {
    failed = true;
  };
  incoming.on('end', onEnd);
  incoming.on('error', onError);
  const aborted = (): ApiError => new ApiError('BAD_REQUEST', 'request body ended before it was complete', { path: 'body' });
  return {
    next() {
      return new Promise((resolve, reject) => {
        const attempt = (): boolean => {
          const chunk = incoming.read() as Buffer | null;
          if (chunk !== null) {
            resolve(chunk);
            return true;
          }
          if (ended || incoming.readableEnded) {
            resolve(null);
            return true;
          }
          if (failed || incoming.destroyed) {
            reject(aborted());
            return true;
          }
          return false;
        };
        if (attempt()) return;
        const wake = (): void => {
          if (attempt()) cleanup();
        };
        const cleanup = (): void => {
          incoming.off('readable', wake);
          incoming.off('end', wake);
          incoming.off('error', wake);
          incoming.off('close', wake);
        };
        incoming.on('readable', wake);
        incoming.on('end', wake);
        incoming.on('error', wake);
        incoming.on('close', wake);
      });
    },
    stop() {
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      if (!incoming.readableEnded && !incoming.destroyed) incoming.resume();
    },
  };
}

function streamReader(body: ReadableStream<Uint8Array> | null): ChunkReader {
  const reader = body?.getReader();
  return {
    async next() {
      if (reader === undefined) return null;
      try {
        const { done, value } = await reader.read();
        return done ? null : value;
      } catch {
        throw new ApiError('BAD_REQUEST', 'request body could not be read', { path: 'body' });
      }
    },
    stop() {
      reader?.releaseLock();
    },
  };
}

/**
 * Reads the body incrementally (NDJSON uploads), chunk by chunk as the client sends it.
 *
 * @example
 * const reader = chunkReader(c);
 * for (let chunk = await reader.next(); chunk !== null; chunk = await reader.next()) handle(chunk);
 */
export function chunkReader(c: Context): ChunkReader {
  const incoming = nodeIncoming(c);
  return incoming !== undefined ? incomingReader(incoming) : streamReader(c.req.raw.body);
}
