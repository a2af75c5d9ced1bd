/**
 * @module Splits a byte stream into lines ('\n', with an optional '\r'), bounding the length of a
 * line so a client cannot make the server buffer an endless one.
 */
import { ApiError } from '../errors/api-error.js';

/** One line of text and its 1-based number. */
export interface Line {
  readonly number: number;
  readonly text: string;
}

/**
 * Incremental line splitter over UTF-8 byte chunks.
 *
 * @example
 * const splitter = new LineSplitter(1 << 20);
 * splitter.push(bytes); // Line[] completed by these bytes
 * splitter.end();       // the last line, if it had no trailing newline
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private count = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** Lines seen so far. */
  get lines(): number {
    return this.count;
  }

  /** Adds bytes; returns every line they complete. Throws 413 `LINE_TOO_LONG` past the bound. */
  push(chunk: Uint8Array): Line[] {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: Line[] = [];
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl === -1) break;
      this.check(nl - start);
      this.pending.push(buf.subarray(start, nl));
      out.push(this.take());
      start = nl + 1;
    }
    if (start < buf.length) {
      this.check(buf.length - start);
      this.pending.push(buf.subarray(start));
      this.pendingBytes += buf.length - start;
    }
    return out;
  }

  /** Flushes a final line without a newline, if any. */
  end(): Line | undefined {
    return this.pendingBytes > 0 ? this.take() : undefined;
  }

  private check(extra: number): void {
    if (this.pendingBytes + extra > this.maxLineBytes) {
      throw new ApiError('LINE_TOO_LONG', `line ${this.count + 1} is longer than ${this.maxLineBytes} bytes`, {
        path: `line ${this.count + 1}`,
        details: { line: this.count + 1 },
      });
    }
  }

  private take(): Line {
    const bytes = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    this.count += 1;
    let text = bytes.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { number: this.count, text };
  }
}
