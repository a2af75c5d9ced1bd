/** @module SHA-256 of bytes as lowercase hex, with WebCrypto (Node ≥ 20, browsers, edge runtimes). */

/**
 * Hashes bytes with SHA-256.
 *
 * @example
 * ```ts
 * await sha256Hex(new TextEncoder().encode('abc')); // 'ba7816bf…'
 * ```
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
