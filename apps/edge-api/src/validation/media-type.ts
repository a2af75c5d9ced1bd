/**
 * @module The request's media type, without parameters, lower-cased.
 */
import type { Context } from 'hono';

/**
 * `application/json; charset=utf-8` → `application/json`; absent → `''`.
 *
 * @example
 * mediaType(c) === 'application/x-ndjson';
 */
export function mediaType(c: Context): string {
  const header = c.req.header('content-type');
  if (header === undefined) return '';
  const semi = header.indexOf(';');
  return (semi === -1 ? header : header.slice(0, semi)).trim().toLowerCase();
}
