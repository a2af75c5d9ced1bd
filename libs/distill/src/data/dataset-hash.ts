/**
 * @module A content hash of an experiment's view datasets: what a queue worker checks its own
 * copy of the data against before it trains on it.
 */
import { createHash } from 'node:crypto';
import type { WindowDataset } from './window-dataset.js';

/**
 * SHA-256 (hex, 16 digits) over every view in name order: its name, shape, subject ids, labels,
 * subject of each window and every sample's float32 bits. Equal hashes mean bit-identical
 * windows; one changed sample, label or subject changes it.
 *
 * @example
 * viewDatasetsHash({ lab, wrist }); // 'b1946ac92492d234'
 */
export function viewDatasetsHash(views: Readonly<Record<string, WindowDataset>>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(views).sort()) {
    const v = views[name]!;
    hash.update(JSON.stringify({ name, length: v.length, channels: v.channels, classes: v.classes, windows: v.labels.length, subjects: v.subjects }));
    for (const array of [v.labels, v.subjectOf, v.x]) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return hash.digest('hex').slice(0, 16);
}
