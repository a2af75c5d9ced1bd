/**
 * @module `npx nx run models:verify-onnx -- [artifactDir]`: validates an artifact's three ONNX
 * files with the reference checker (`check_onnx.py`, Debian's python3-onnx) and its manifest and
 * hashes with @painkd/runtime. Without a folder it first writes one from freshly initialised nets,
 * so the check works before any training. Relative paths are taken from the repository root.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArtifact } from '@painkd/runtime';
import { DEFAULT_PREPROCESS_CONFIG } from '@painkd/signals';
import { writeArtifact } from '../src/onnx/artifact/write-artifact.js';
import { randomWeights, testWindows } from '../src/onnx/test-support/random-net.js';
import { studentLikeSpec, teacherLikeSpec } from '../src/onnx/test-support/test-nets.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const PYTHON = '/usr/bin/python3';

async function freshArtifact(dir: string): Promise<void> {
  const length = DEFAULT_PREPROCESS_CONFIG.windowSamples;
  const packed = testWindows(256, length, 1, 1);
  const calibrationWindows = Array.from({ length: 256 }, (_, i) => packed.subarray(i * length, (i + 1) * length));
  await writeArtifact(dir, {
    student: { spec: studentLikeSpec(), weights: randomWeights(studentLikeSpec(), 1) },
    teacher: { spec: teacherLikeSpec(), weights: randomWeights(teacherLikeSpec(), 2) },
    calibrationWindows,
    preprocess: DEFAULT_PREPROCESS_CONFIG,
    classLabels: ['BL1', 'PA1', 'PA2', 'PA3', 'PA4'],
  });
}

async function main(): Promise<number> {
  const arg = process.argv.slice(2).find((a) => a !== '--');
  let dir = arg ? (isAbsolute(arg) ? arg : join(repoRoot, arg)) : '';
  let scratch = '';
  if (!dir) {
    scratch = await mkdtemp(join(tmpdir(), 'painkd-verify-onnx-'));
    dir = join(scratch, 'artifact');
    console.log(`no artifact folder given: writing one from freshly initialised nets to ${dir}`);
    await freshArtifact(dir);
  }
  try {
    const artifact = await loadArtifact(dir, { verify: true });
    console.log(`manifest OK (schema ${artifact.manifest.schemaVersion}, ${artifact.manifest.model.arch}), sha256 OK for ${artifact.manifest.files.length} files`);
    if (!existsSync(PYTHON)) {
      console.log(`SKIPPED: ${PYTHON} not found; ONNX files were not checked by onnx.checker`);
      return 0;
    }
    const files = artifact.manifest.files.map((f) => join(dir, f.path));
    const result = spawnSync(PYTHON, [join(here, 'check_onnx.py'), ...files], { stdio: 'inherit' });
    return result.status ?? 1;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}${'code' in error ? ` ${String(error.code)}` : ''}: ${error.message}` : String(error));
  return 1;
});
