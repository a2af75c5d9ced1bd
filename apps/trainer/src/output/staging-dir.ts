/**
 * @module The output folder, written all at once: everything goes into a hidden sibling
 * temporary folder, which replaces the target folder by rename at the end. Ctrl-C or a failure
 * discards it, so the target is either the previous complete run or the new complete run.
 */
import { chmod, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { TrainerError } from '../errors.js';

/** A temporary output folder and how to publish or drop it. */
export interface StagingDir {
  /** The temporary folder to write into. */
  readonly path: string;
  /** The folder it becomes. */
  readonly target: string;
  /** Moves the temporary folder into place (replacing a previous run's folder). */
  commit(): Promise<void>;
  /** Deletes the temporary folder (idempotent). */
  discard(): Promise<void>;
}

/**
 * Creates `<parent>/.<name>.partial-XXXX` next to `target`.
 *
 * @example
 * const staging = await stageDir('artifacts');
 * await writeFile(join(staging.path, 'report.json'), json);
 * await staging.commit();
 */
export async function stageDir(target: string): Promise<StagingDir> {
  const absolute = resolve(target);
  const parent = dirname(absolute);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new TrainerError('CLI_OUTPUT_FAILED', `--out ${target}: cannot create ${parent} (${(error as Error).message})`);
  }
  const existing = await stat(absolute).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new TrainerError('CLI_OUTPUT_FAILED', `--out ${target}: exists and is not a folder`);
  const path = await mkdtemp(join(parent, `.${basename(absolute)}.partial-`));
  await chmod(path, 0o755);
  let done = false;
  return {
    path,
    target: absolute,
    async commit() {
      const old = `${path}.old`;
      const hadOld = await stat(absolute).then(() => true, () => false);
      if (hadOld) await rename(absolute, old);
      try {
        await rename(path, absolute);
      } catch (error) {
        if (hadOld) await rename(old, absolute);
        throw new TrainerError('CLI_OUTPUT_FAILED', `--out ${target}: cannot move the finished run into place (${(error as Error).message})`);
      }
      done = true;
      if (hadOld) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      if (!done) await rm(path, { recursive: true, force: true });
      done = true;
    },
  };
}
