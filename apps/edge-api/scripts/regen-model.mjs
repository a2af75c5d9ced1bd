/**
 * @module `npx nx run edge-api:regen-model` — regenerates the default artifact served by the edge
 * API (apps/edge-api/model/: manifest.json + student.int8.onnx).
 *
 * Default: runs the trainer's default experiment (`npx nx run trainer:distill --out <tmp>`, the
 * quick profile on the synthetic cohort) and copies its int8 student. `--from <dir>` copies an
 * existing artifact folder instead; `--interim` builds an untrained placeholder (tools/bench).
 * The copied manifest lists only the int8 student (the file the edge serves); its sha256 is the
 * trainer's, unchanged. The result is verified with the edge API's own loader rules.
 *
 * This script never imports TensorFlow.js: training runs in its own process.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const target = resolve(here, '../model');
const args = process.argv.slice(2);
const fromIndex = args.indexOf('--from');

let source;
let scratch;
if (fromIndex !== -1) {
  source = resolve(args[fromIndex + 1] ?? '');
} else {
  scratch = mkdtempSync(join(tmpdir(), 'edge-model-'));
  source = join(scratch, 'artifact');
  if (args.includes('--interim')) {
    execFileSync(process.execPath, ['--conditions=@painkd/source', '--import', 'tsx', 'tools/bench/src/api/interim-edge-model.ts', source], { cwd: root, stdio: 'inherit' });
  } else {
    execFileSync('npx', ['nx', 'run', 'trainer:distill', '--', '--out', source], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  }
}

const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
const file = manifest.files.find((f) => f.role === 'student-int8');
if (!file) throw new Error(`${source}/manifest.json lists no student-int8 model`);
const bytes = readFileSync(join(source, file.path));
const sha256 = createHash('sha256').update(bytes).digest('hex');
if (sha256 !== file.sha256) throw new Error(`${file.path}: sha256 ${sha256} differs from the manifest's ${file.sha256}`);

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
copyFileSync(join(source, file.path), join(target, file.path));
writeFileSync(join(target, 'manifest.json'), `${JSON.stringify({ ...manifest, files: [file] }, null, 2)}\n`);
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`edge-api model: ${target} (${file.path}, ${bytes.length} bytes, sha256 ${sha256})\n`);
