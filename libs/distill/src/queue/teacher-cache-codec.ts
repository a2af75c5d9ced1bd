/**
 * @module A teacher cache as one binary Redis value: a 16-byte header (magic, rows, classes,
 * hidden size as little-endian uint32) then the float32 logits and hidden features.
 */
import type { TeacherCache } from '../experiments/experiment-job.js';
import { DistillError } from '../errors.js';

const MAGIC = 0x504b5443; // "PKTC"

/**
 * Packs a cache (exact float bits).
 *
 * @example
 * await redis.set(key, encodeTeacherCache(cache), 'EX', ttl);
 */
export function encodeTeacherCache(cache: TeacherCache): Buffer {
  const out = Buffer.alloc(16 + 4 * (cache.logits.length + cache.hidden.length));
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(cache.rows, 4);
  out.writeUInt32LE(cache.classes, 8);
  out.writeUInt32LE(cache.hiddenSize, 12);
  Buffer.from(cache.logits.buffer, cache.logits.byteOffset, cache.logits.byteLength).copy(out, 16);
  Buffer.from(cache.hidden.buffer, cache.hidden.byteOffset, cache.hidden.byteLength).copy(out, 16 + cache.logits.byteLength);
  return out;
}

/**
 * Unpacks {@link encodeTeacherCache}; a value of the wrong size or magic throws
 * `TEACHER_CACHE_MISSING` naming `what`.
 *
 * @example
 * const cache = decodeTeacherCache(await redis.getBuffer(key), 'teacher of r0f1');
 */
export function decodeTeacherCache(bytes: Buffer, what: string): TeacherCache {
  const bad = (why: string): never => {
    throw new DistillError('TEACHER_CACHE_MISSING', `the stored outputs of ${what} are unreadable: ${why}`);
  };
  if (bytes.length < 16 || bytes.readUInt32LE(0) !== MAGIC) bad('no cache header');
  const rows = bytes.readUInt32LE(4);
  const classes = bytes.readUInt32LE(8);
  const hiddenSize = bytes.readUInt32LE(12);
  if (bytes.length !== 16 + 4 * rows * (classes + hiddenSize)) bad(`${bytes.length} bytes for ${rows} × (${classes} + ${hiddenSize}) floats`);
  const floats = (offset: number, n: number): Float32Array => {
    const array = new Float32Array(n);
    new Uint8Array(array.buffer).set(bytes.subarray(offset, offset + 4 * n));
    return array;
  };
  return { rows, classes, hiddenSize, logits: floats(16, rows * classes), hidden: floats(16 + 4 * rows * classes, rows * hiddenSize) };
}
