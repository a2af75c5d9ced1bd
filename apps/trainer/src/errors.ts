/** @module Typed errors of the trainer CLI; each maps to a process exit code in one place. */

/** Stable codes for every failure the CLI reports itself. */
export type TrainerErrorCode = 'CLI_BAD_FLAG' | 'CLI_BAD_CONFIG' | 'CLI_BAD_DATA' | 'CLI_ABORTED' | 'CLI_OUTPUT_FAILED';

/**
 * The trainer's error: `message` is printed as is, so it names the flag or file at fault.
 *
 * @example
 * throw new TrainerError('CLI_BAD_FLAG', '--folds: expected an integer ≥ 2, got "x"');
 */
export class TrainerError extends Error {
  override readonly name = 'TrainerError';
  readonly code: TrainerErrorCode;

  constructor(code: TrainerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Exit code of a failure: 2 for usage and input errors, 130 for Ctrl-C, 1 otherwise. */
export function exitCodeOf(error: unknown): number {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'CLI_ABORTED' || code === 'EXPERIMENT_ABORTED') return 130;
  if (code === 'CLI_BAD_FLAG' || code === 'CLI_BAD_CONFIG' || code === 'CLI_BAD_DATA' || code === 'CONFIG_INVALID' || code === 'CV_INVALID_ARGUMENT') return 2;
  if (typeof code === 'string' && (code.startsWith('BIOVID_') || code === 'DATASET_INVALID' || code === 'SIGNAL_TOO_MUCH_MISSING')) return 2;
  return 1;
}
