/**
 * @module Job payloads and results as JSON that BullMQ can store: typed arrays become tagged
 * base64 (their exact bits), `Map`s tagged entry lists, and non-finite numbers tagged strings;
 * everything else stays as it is. Decoding restores them exactly.
 */

/** A JSON value. */
export type Wire = null | boolean | number | string | readonly Wire[] | { readonly [key: string]: Wire };

const TAGS = { f32: '$f32', i32: '$i32', map: '$map', num: '$num' } as const;

/**
 * Encodes `value` (plain objects, arrays, strings, numbers, booleans, null, `Float32Array`,
 * `Int32Array`, `Map` with string keys) for JSON. `undefined` properties are dropped.
 *
 * @example
 * JSON.stringify(encodeWire({ x: new Float32Array([1.5]) })); // '{"x":{"$f32":"AADAPw=="}}'
 */
export function encodeWire(value: unknown): Wire {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { [TAGS.num]: String(value) };
  if (value instanceof Float32Array) return { [TAGS.f32]: base64(value) };
  if (value instanceof Int32Array) return { [TAGS.i32]: base64(value) };
  if (value instanceof Map) return { [TAGS.map]: [...value].map(([k, v]) => [String(k), encodeWire(v)]) };
  if (Array.isArray(value)) return value.map(encodeWire);
  if (typeof value === 'object') {
    const out: Record<string, Wire> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeWire(v);
    return out;
  }
  throw new TypeError(`encodeWire: cannot encode a ${typeof value}`);
}

/**
 * Reverses {@link encodeWire}. The caller states the type it expects.
 *
 * @example
 * const result = decodeWire<StudentJobResult>(job.returnvalue);
 */
export function decodeWire<T>(wire: unknown): T {
  return decode(wire) as T;
}

function decode(wire: unknown): unknown {
  if (wire === null || typeof wire !== 'object') return wire;
  if (Array.isArray(wire)) return wire.map(decode);
  const record = wire as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const tagged = record[keys[0]!];
    if (keys[0] === TAGS.f32 && typeof tagged === 'string') return new Float32Array(bytes(tagged));
    if (keys[0] === TAGS.i32 && typeof tagged === 'string') return new Int32Array(bytes(tagged));
    if (keys[0] === TAGS.num && typeof tagged === 'string') return Number(tagged);
    if (keys[0] === TAGS.map && Array.isArray(tagged)) return new Map((tagged as [string, unknown][]).map(([k, v]) => [k, decode(v)]));
  }
  return Object.fromEntries(keys.map((k) => [k, decode(record[k])]));
}

function base64(array: Float32Array | Int32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

/** The decoded bytes in a fresh, aligned ArrayBuffer. */
function bytes(text: string): ArrayBuffer {
  const buffer = Buffer.from(text, 'base64');
  const out = new ArrayBuffer(buffer.byteLength);
  new Uint8Array(out).set(buffer);
  return out;
}
