/**
 * @module Test support: HTTP/1.1 over a raw TCP socket, for what `fetch` cannot send or see —
 * malformed or pipelined requests, bodies cut off mid-way, bytes after the response, resets.
 */
import { connect, type Socket } from 'node:net';

/** One response as received. */
export interface RawResponse {
  readonly status: number;
  /** Lower-cased names. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A raw connection to a test server. */
export interface RawConnection {
  readonly socket: Socket;
  /** Everything received so far (latin1). */
  received(): string;
  /** Resolves once the received text matches `pattern` (rejects after `ms`, or when the connection ends first). */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Resolves with the first `count` complete responses (bodies with `Content-Length`). */
  waitForResponses(count: number, ms?: number): Promise<RawResponse[]>;
  /** Resolves with the first complete response. */
  waitForResponse(ms?: number): Promise<RawResponse>;
  /** Resolves when the socket closes, with the error it closed on, if any, and whether the server ended it. */
  readonly closed: Promise<{ error: string | undefined; ended: boolean }>;
}

/**
 * Splits the head and body of one raw response.
 *
 * @example
 * parseResponse('HTTP/1.1 200 OK\r\nA: b\r\n\r\n{}'); // { status: 200, headers: { a: 'b' }, body: '{}' }
 */
export function parseResponse(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0), headers, body: text.slice(end + 4) };
}

/** The complete `Content-Length` responses at the start of `text`. */
function completeResponses(text: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = text;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) return out;
    const head = parseResponse(rest.slice(0, end + 4));
    const length = Number(head.headers['content-length']);
    if (!Number.isInteger(length) || rest.length < end + 4 + length) return out;
    out.push({ ...head, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
}

/**
 * Opens a TCP connection to `127.0.0.1:port`.
 *
 * @example
 * const c = await rawConnect(port); c.socket.write('GARBAGE\r\n\r\n'); const [r] = await c.waitForResponses(1);
 */
export async function rawConnect(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  let text = '';
  let ended = false;
  let error: string | undefined;
  const waiters: (() => void)[] = [];
  const wake = (): void => {
    for (const w of waiters.splice(0)) w();
  };
  socket.on('data', (d: Buffer) => {
    text += d.toString('latin1');
    wake();
  });
  socket.on('end', () => {
    ended = true;
    wake();
  });
  socket.on('error', (e: NodeJS.ErrnoException) => {
    error ??= e.code ?? e.message;
    wake();
  });
  const closed = new Promise<{ error: string | undefined; ended: boolean }>((resolve) => socket.once('close', () => resolve({ error, ended })));
  const until = (done: () => boolean, what: string, ms: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what} in ${JSON.stringify(text.slice(0, 400))}`)), ms);
      const check = (): void => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        } else if (ended || socket.destroyed) {
          clearTimeout(timer);
          reject(new Error(`connection closed before ${what}: ${JSON.stringify(text.slice(0, 400))}`));
        } else waiters.push(check);
      };
      check();
    });
  const connection: RawConnection = {
    socket,
    received: () => text,
    closed,
    async waitFor(pattern, ms = 5000) {
      await until(() => pattern.test(text), String(pattern), ms);
      return text;
    },
    async waitForResponses(count, ms = 5000) {
      await until(() => completeResponses(text).length >= count, `${count} responses`, ms);
      return completeResponses(text).slice(0, count);
    },
    async waitForResponse(ms = 5000) {
      const [first] = await connection.waitForResponses(1, ms);
      return first as RawResponse;
    },
  };
  return connection;
}
