/**
 * @module The `edge-api:bundle` option `--tflite <artifactDir>`: ships the TFLite student
 * (`student.int8.tflite`, float I/O, for devices that run LiteRT/TFLite) beside the ONNX model in
 * the bundle's `model/` folder. It must be the same student the bundle serves: the artifact's
 * `student-int8` sha256 has to equal the bundled model's, and the `.tflite` has to match its own
 * manifest's sha256. The file is then listed in the bundled manifest, so the server's loader
 * verifies it like the ONNX model.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROLE = 'student-int8-tflite';

/**
 * Splits `--tflite <dir>` off the bundle's arguments.
 *
 * @example
 * const { tflite, args } = tfliteOption(process.argv.slice(2)); // tflite: 'artifacts' | undefined
 */
export function tfliteOption(argv) {
  const i = argv.indexOf('--tflite');
  if (i === -1) return { tflite: undefined, args: argv };
  const dir = argv[i + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--tflite needs an artifact folder (the trainer output holding student.int8.tflite and manifest.json)');
  return { tflite: dir, args: [...argv.slice(0, i), ...argv.slice(i + 2)] };
}

/**
 * Copies the artifact's `.tflite` into `modelDir` and lists it in `modelDir/manifest.json`.
 *
 * @example
 * shipTflite('artifacts', 'dist/edge-api/model'); // 'student.int8.tflite'
 */
export function shipTflite(artifactDir, modelDir) {
  const source = readManifest(artifactDir);
  const target = readManifest(modelDir);
  const file = source.files.find((f) => f.role === ROLE);
  if (!file) throw new Error(`${artifactDir}/manifest.json lists no ${ROLE} file; run the trainer (it writes student.int8.tflite) and pass its output folder`);
  const served = target.files.find((f) => f.role === 'student-int8');
  const same = source.files.find((f) => f.role === 'student-int8');
  if (!served || !same || served.sha256 !== same.sha256) {
    throw new Error(`${artifactDir} holds another student than the bundle serves (student-int8 sha256 ${same?.sha256 ?? 'missing'} vs ${served?.sha256 ?? 'missing'}); regenerate the edge model from that run (edge-api:regen-model -- --from ${artifactDir}) first`);
  }
  const bytes = readFileSync(join(artifactDir, file.path));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== file.sha256 || bytes.length !== file.bytes) throw new Error(`${join(artifactDir, file.path)}: sha256 ${sha256} differs from its manifest's ${file.sha256}`);
  copyFileSync(join(artifactDir, file.path), join(modelDir, file.path));
  const files = [...target.files.filter((f) => f.role !== ROLE), file];
  writeFileSync(join(modelDir, 'manifest.json'), `${JSON.stringify({ ...target, files }, null, 2)}\n`);
  return file.path;
}

function readManifest(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${join(dir, 'manifest.json')}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
