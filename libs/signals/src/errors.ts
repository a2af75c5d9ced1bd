/** @module Typed errors of @painkd/signals: each carries a stable `code` and, where known, where. */

/** Stable codes for every failure @painkd/signals reports. */
export type SignalsErrorCode =
  | 'BIOVID_EMPTY_FILE'
  | 'BIOVID_BAD_HEADER'
  | 'BIOVID_BAD_ROW'
  | 'BIOVID_RAGGED_ROW'
  | 'BIOVID_TRUNCATED'
  | 'BIOVID_BAD_TIME'
  | 'BIOVID_UNKNOWN_CLASS'
  | 'BIOVID_NOT_FOUND'
  | 'BIOVID_BAD_NAME'
  | 'BIOVID_LABEL_CONFLICT'
  | 'SIGNAL_INVALID_ARGUMENT'
  | 'SIGNAL_TOO_MUCH_MISSING'
  | 'PREPROCESS_INVALID_CONFIG'
  | 'VIEW_INVALID_CONFIG'
  | 'VIEW_MISSING_CHANNEL'
  | 'SIGNAL_NO_HEARTBEAT'
  | 'STREAM_SEQ_GAP'
  | 'STREAM_SEQ_DUPLICATE'
  | 'STREAM_INVALID_CHUNK';

/** Where an error happened: a file and line, or a JSON-ish path. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly path?: string;
}

/**
 * The one error class of @painkd/signals. `message` already names the location
 * (`file:line: …`) so it reads well when printed as is.
 *
 * @example
 * throw new SignalsError('BIOVID_BAD_ROW', 'cell 3 is not a number: "abc"', { file, line: 17 });
 */
export class SignalsError extends Error {
  override readonly name = 'SignalsError';
  readonly code: SignalsErrorCode;
  readonly location: ErrorLocation;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: SignalsErrorCode,
    message: string,
    location: ErrorLocation = {},
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${formatLocation(location)}${message}`);
    this.code = code;
    this.location = location;
    this.details = details;
  }
}

function formatLocation(location: ErrorLocation): string {
  if (location.file !== undefined) {
    return location.line !== undefined ? `${location.file}:${location.line}: ` : `${location.file}: `;
  }
  return location.path !== undefined ? `${location.path}: ` : '';
}
