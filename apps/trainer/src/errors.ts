/** @module Typed errors of the trainer CLI; each maps to a process exit code in one place. */
import type { DistillErrorCode } from '@painkd/distill';

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

/** Exit codes of @painkd/distill's errors that are not plain failures (1). */
const DISTILL_EXIT: Partial<Record<DistillErrorCode, number>> = {
  EXPERIMENT_ABORTED: 130,
  CONFIG_INVALID: 2,
  CV_INVALID_ARGUMENT: 2,
  DATASET_INVALID: 2,
  DATASET_MISMATCH: 2,
  DATASET_UNAVAILABLE: 2,
  QUEUE_BAD_URL: 2,
  EXPERIMENT_NOT_FOUND: 2,
  EXPERIMENT_CLOSED: 2,
};

/** Exit codes of the CLI's own errors that are not plain failures (1). */
const TRAINER_EXIT: Partial<Record<TrainerErrorCode, number>> = { CLI_ABORTED: 130, CLI_BAD_FLAG: 2, CLI_BAD_CONFIG: 2, CLI_BAD_DATA: 2 };

/**
 * Exit code of a failure: 2 for usage and input errors (bad flag, config, data, a data hash
 * another worker or coordinator disagrees with, an unknown or closed queued experiment), 130 for
 * Ctrl-C, 1 otherwise. Errors revived from a worker keep their code, so they map the same way.
 *
 * @example
 * process.exitCode = exitCodeOf(error); // 2 for a DATASET_MISMATCH refused by every worker
 */
export function exitCodeOf(error: unknown): number {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 1;
  const mapped = TRAINER_EXIT[code as TrainerErrorCode] ?? DISTILL_EXIT[code as DistillErrorCode];
  if (mapped !== undefined) return mapped;
  if (code.startsWith('BIOVID_') || code === 'SIGNAL_TOO_MUCH_MISSING') return 2;
  return 1;
}
