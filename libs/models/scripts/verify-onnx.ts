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
import { buildNetSpec, createNet, initBackend, writeArtifact, type NetSpec, type NetWeights } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const PYTHON = '/usr/bin/python3';

function freshNet(arch: string, seed: number): { spec: NetSpec; weights: NetWeights } {
  const spec = buildNetSpec(arch, {}, { inputLength: DEFAULT_PREPROCESS_CONFIG.windowSamples, channels: 1, classes: 5 });
  const net = createNet(spec, { seed });
  const weights = net.getWeights();
  net.dispose();
  return { spec, weights };
}

/** Seeded sine-plus-noise windows: enough to calibrate activation ranges of an untrained net. */
function windows(count: number, length: number): Float32Array[] {
  return Array.from({ length: count }, (_, i) => Float32Array.from({ length }, (_, t) => Math.sin((t * (i + 1)) / 37) + Math.cos(t * 0.7 + i) * 0.1));
}

async function freshArtifact(dir: string): Promise<void> {
  await initBackend('auto');
  await writeArtifact(dir, {
    student: freshNet('student-tiny', 1),
    teacher: freshNet('teacher-cnn', 2),
    calibrationWindows: windows(256, DEFAULT_PREPROCESS_CONFIG.windowSamples),
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
