/**
 * @module A trained net on disk for the export step: `<name>.net.json` (the `NetSpec` and a
 * weight table) beside `<name>.weights.bin` (float32 little-endian, weights back to back).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NetSpec, NetWeights, WeightTensor } from '@painkd/models';
import { TrainerError } from '../errors.js';

/** The JSON half of a saved net. */
export interface SavedNetFile {
  readonly format: 'painkd-net';
  readonly version: 1;
  readonly spec: NetSpec;
  readonly weightsFile: string;
  /** Each weight: key `<layer>/<param>`, shape, and offset/length in floats into the bin file. */
  readonly weights: readonly { readonly key: string; readonly shape: readonly number[]; readonly offset: number; readonly length: number }[];
}

/**
 * Writes `<dir>/<name>.net.json` and `<dir>/<name>.weights.bin`; returns the two file names.
 *
 * @example
 * await saveNet('artifacts/nets', 'student', spec, weights); // ['student.net.json', 'student.weights.bin']
 */
export async function saveNet(dir: string, name: string, spec: NetSpec, weights: NetWeights): Promise<[string, string]> {
  const table: { key: string; shape: number[]; offset: number; length: number }[] = [];
  let offset = 0;
  for (const [key, w] of weights) {
    table.push({ key, shape: [...w.shape], offset, length: w.data.length });
    offset += w.data.length;
  }
  const bin = new Float32Array(offset);
  for (const [i, w] of [...weights.values()].entries()) bin.set(w.data, table[i].offset);
  const weightsFile = `${name}.weights.bin`;
  const json: SavedNetFile = { format: 'painkd-net', version: 1, spec, weightsFile, weights: table };
  await writeFile(join(dir, weightsFile), littleEndian(bin));
  await writeFile(join(dir, `${name}.net.json`), JSON.stringify(json, null, 2) + '\n');
  return [`${name}.net.json`, weightsFile];
}

/**
 * Reads a net written by {@link saveNet}; throws `CLI_BAD_DATA` naming the file when it is not one.
 *
 * @example
 * const { spec, weights } = await loadNet('artifacts/nets', 'teacher');
 */
export async function loadNet(dir: string, name: string): Promise<{ spec: NetSpec; weights: NetWeights }> {
  const path = join(dir, `${name}.net.json`);
  const json = JSON.parse(await readFile(path, 'utf8')) as SavedNetFile;
  if (json.format !== 'painkd-net' || json.version !== 1) throw new TrainerError('CLI_BAD_DATA', `${path}: not a painkd net file`);
  const bytes = await readFile(join(dir, json.weightsFile));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Map<string, WeightTensor>();
  for (const w of json.weights) {
    if (4 * (w.offset + w.length) > bytes.byteLength) throw new TrainerError('CLI_BAD_DATA', `${path}: ${w.key} lies beyond the end of ${json.weightsFile}`);
    const data = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) data[i] = view.getFloat32(4 * (w.offset + i), true);
    weights.set(w.key, { shape: w.shape, data });
  }
  return { spec: json.spec, weights };
}

function littleEndian(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
  return out;
}
