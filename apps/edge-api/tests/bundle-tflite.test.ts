/**
 * @module `edge-api:bundle -- --tflite <artifactDir>`: the TFLite student lands beside the bundled
 * ONNX model, listed and verified by the server's own loader; another run's student is refused.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArtifact } from '@painkd/runtime';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { shipTflite, tfliteOption } from '../scripts/bundle-tflite.mjs';

interface ManifestFile {
  readonly role: string;
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

const committedModel = fileURLToPath(new URL('../model', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'edge-tflite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A trainer-like artifact folder: the committed student plus a `.tflite` listed with its sha256. */
function artifact(name: string, studentSha?: string): string {
  const dir = join(root, name);
  cpSync(committedModel, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };
  const tflite = Buffer.from(`TFL3 stand-in for ${name}`);
  writeFileSync(join(dir, 'student.int8.tflite'), tflite);
  const files = manifest.files.map((f) => (f.role === 'student-int8' && studentSha ? { ...f, sha256: studentSha } : f));
  files.push({ role: 'student-int8-tflite', path: 'student.int8.tflite', sha256: createHash('sha256').update(tflite).digest('hex'), bytes: tflite.length });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, files }));
  return dir;
}

describe('bundle --tflite', () => {
  it('splits the option off the positional output folder', () => {
    expect(tfliteOption(['dist/x', '--tflite', 'artifacts'])).toEqual({ tflite: 'artifacts', args: ['dist/x'] });
    expect(tfliteOption(['dist/x'])).toEqual({ tflite: undefined, args: ['dist/x'] });
    expect(() => tfliteOption(['--tflite'])).toThrow(/needs an artifact folder/);
  });

  it('ships the same student as .tflite, listed in the bundled manifest and verified by the loader', async () => {
    const model = join(root, 'bundle-model');
    cpSync(committedModel, model, { recursive: true });
    expect(shipTflite(artifact('same'), model)).toBe('student.int8.tflite');
    const loaded = await loadArtifact(model, { verify: true });
    expect(loaded.manifest.files.map((f) => f.role)).toEqual(['student-int8', 'student-int8-tflite']);
    expect(new TextDecoder().decode(await loaded.readModel('student-int8-tflite'))).toBe('TFL3 stand-in for same');
  });

  it('refuses another run\u2019s student and a .tflite that does not match its manifest', () => {
    const model = join(root, 'bundle-refuse');
    cpSync(committedModel, model, { recursive: true });
    expect(() => shipTflite(artifact('other', '0'.repeat(64)), model)).toThrow(/another student than the bundle serves/);
    const tampered = artifact('tampered');
    writeFileSync(join(tampered, 'student.int8.tflite'), 'changed');
    expect(() => shipTflite(tampered, model)).toThrow(/differs from its manifest/);
    expect(JSON.parse(readFileSync(join(model, 'manifest.json'), 'utf8')).files).toHaveLength(1);
  });
});
