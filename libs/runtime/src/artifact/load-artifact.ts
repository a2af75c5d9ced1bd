/**
 * @module Loading an artifact folder: parse and validate `manifest.json`, read every listed model
 * file and check its sha256, so a server never runs a model other than the one evaluated.
 */
import { RuntimeError } from '../errors.js';
import { MANIFEST_FILE, manifestSchema, type ArtifactManifest, type ArtifactRole } from '../manifest/manifest-schema.js';
import { sha256Hex } from './sha256.js';

/** Options of {@link loadArtifact}. */
export interface LoadArtifactOptions {
  /** Read every model file now and check its sha256 against the manifest (default true). */
  readonly verify?: boolean;
}

/** A loaded artifact. */
export interface LoadedArtifact {
  /** The artifact folder. */
  readonly dir: string;
  readonly manifest: ArtifactManifest;
  /** Bytes of a model file by role (verified ones come from the check, not a second read). */
  readModel(role: ArtifactRole): Promise<Uint8Array>;
}

/**
 * Loads and (by default) verifies an artifact folder.
 *
 * Errors (all {@link RuntimeError}): `ARTIFACT_NOT_FOUND`, `ARTIFACT_INVALID_MANIFEST` (with the
 * zod path of the first problem in `path`), `MODEL_FILE_MISSING`, `MODEL_HASH_MISMATCH` (naming the file).
 *
 * @example
 * ```ts
 * const artifact = await loadArtifact('artifacts', { verify: true });
 * const session = await createInferenceSession(await artifact.readModel('student-int8'));
 * ```
 */
export async function loadArtifact(dir: string, options: LoadArtifactOptions = {}): Promise<LoadedArtifact> {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    throw new RuntimeError('ARTIFACT_NOT_FOUND', `cannot read ${join(dir, MANIFEST_FILE)}: ${error instanceof Error ? error.message : String(error)}`, undefined, { cause: error });
  }
  const manifest = parseManifest(text);
  const cache = new Map<ArtifactRole, Uint8Array>();
  const read = async (role: ArtifactRole): Promise<Uint8Array> => {
    const file = manifest.files.find((f) => f.role === role);
    if (!file) throw new RuntimeError('MODEL_FILE_MISSING', `the manifest lists no ${role} model`);
    try {
      return new Uint8Array(await readFile(join(dir, file.path)));
    } catch (error) {
      throw new RuntimeError('MODEL_FILE_MISSING', `model file ${file.path} (${role}) cannot be read: ${error instanceof Error ? error.message : String(error)}`, undefined, { cause: error });
    }
  };
  if (options.verify ?? true) {
    for (const file of manifest.files) {
      const bytes = await read(file.role);
      const actual = await sha256Hex(bytes);
      if (actual !== file.sha256 || bytes.length !== file.bytes) {
        throw new RuntimeError('MODEL_HASH_MISMATCH', `model file ${file.path} has sha256 ${actual} (${bytes.length} bytes), the manifest says ${file.sha256} (${file.bytes} bytes)`, file.path);
      }
      cache.set(file.role, bytes);
    }
  }
  return {
    dir,
    manifest,
    readModel: async (role) => cache.get(role) ?? read(role),
  };
}

/**
 * Parses and validates manifest JSON text; throws `ARTIFACT_INVALID_MANIFEST` naming the first
 * failing path (e.g. `input.windowSamples`).
 *
 * @example
 * ```ts
 * const manifest = parseManifest(await readFile('artifacts/manifest.json', 'utf8'));
 * ```
 */
export function parseManifest(text: string): ArtifactManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RuntimeError('ARTIFACT_INVALID_MANIFEST', `manifest.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, '', { cause: error });
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    throw new RuntimeError('ARTIFACT_INVALID_MANIFEST', `invalid manifest at ${path || '(root)'}: ${issue.message}`, path);
  }
  return result.data;
}
