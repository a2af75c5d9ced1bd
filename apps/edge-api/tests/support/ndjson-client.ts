/**
 * @module Test support: a raw HTTP/1.1 chunked NDJSON upload whose response lines can be read
 * while the upload is still open.
 */
import { request, type ClientRequest } from 'node:http';

/** An open NDJSON upload. */
export interface NdjsonUpload {
  /** Writes one chunk of text to the request body. */
  write(text: string): void;
  /** Ends the request body. */
  end(): void;
  /** Resolves with the next response line (parsed), or null at the end of the response. */
  nextLine(): Promise<unknown>;
  /** Resolves with the response status once headers arrive. */
  readonly status: Promise<number>;
  readonly request: ClientRequest;
}

/**
 * Opens `POST url` with `Content-Type: application/x-ndjson` and chunked encoding.
 *
 * @example
 * const up = openNdjson(`${url}/predict?sampleRate=512`); up.write('{"seq":0,"samples":[…]}\n');
 */
export function openNdjson(url: string, headers: Record<string, string> = {}): NdjsonUpload {
  const lines: unknown[] = [];
  const waiters: ((line: unknown) => void)[] = [];
  let ended = false;
  let pending = '';
  const push = (line: unknown): void => {
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  };
  let resolveStatus: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => {
    resolveStatus = resolve;
  });
  const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked', ...headers } }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      pending += chunk;
      let nl = pending.indexOf('\n');
      while (nl !== -1) {
        const text = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (text.trim() !== '') push(JSON.parse(text) as unknown);
        nl = pending.indexOf('\n');
      }
    });
    const finish = (): void => {
      if (ended) return;
      ended = true;
      while (waiters.length > 0) waiters.shift()?.(null);
    };
    res.on('end', finish);
    res.on('close', finish);
  });
  req.on('error', () => {
    ended = true;
    while (waiters.length > 0) waiters.shift()?.(null);
  });
  req.flushHeaders();
  return {
    request: req,
    status,
    write: (text) => {
      req.write(text);
    },
    end: () => {
      req.end();
    },
    nextLine: () => {
      if (lines.length > 0) return Promise.resolve(lines.shift());
      if (ended) return Promise.resolve(null);
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
