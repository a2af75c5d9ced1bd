/** @module The error type of net building, weights and forward passes, with stable codes. */

/** Stable codes of {@link NetError}. */
export type NetErrorCode =
  | 'NET_ARCH_UNKNOWN'
  | 'NET_ARCH_EXISTS'
  | 'NET_BAD_CONFIG'
  | 'NET_BAD_SPEC'
  | 'NET_BAD_WEIGHTS'
  | 'NET_BAD_INPUT'
  | 'NET_DISPOSED'
  | 'NET_SYNC_READ';

/**
 * Raised for an unknown architecture, a config or spec that yields no valid net, weights that do
 * not fit, an input of the wrong shape, or a synchronous read on a GPU backend.
 *
 * @example
 * ```ts
 * try { buildNetSpec('nope', {}, io); } catch (e) { if (e instanceof NetError) console.error(e.code); }
 * ```
 */
export class NetError extends Error {
  override readonly name = 'NetError';
  constructor(
    readonly code: NetErrorCode,
    message: string,
  ) {
    super(message);
  }
}
