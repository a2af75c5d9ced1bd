/** @module Test helper: a small labelled window set whose classes are easy to tell apart. */
import type { WindowDataset } from '../data/window-dataset.js';

/**
 * `subjects` subjects × `classes` classes × `perClass` windows of `length` samples: class c is a
 * ramp of slope c plus a subject offset and deterministic ripple, so a small net separates it.
 */
export function toyDataset(subjects: number, perClass: number, classes = 5, length = 32): WindowDataset {
  const n = subjects * classes * perClass;
  const x = new Float32Array(n * length);
  const labels = new Int32Array(n);
  const subjectOf = new Int32Array(n);
  let w = 0;
  for (let s = 0; s < subjects; s++) {
    for (let c = 0; c < classes; c++) {
      for (let k = 0; k < perClass; k++, w++) {
        labels[w] = c;
        subjectOf[w] = s;
        for (let t = 0; t < length; t++) {
          x[w * length + t] = (c * t) / length + 0.1 * s - 0.3 + 0.2 * Math.sin(0.7 * t + k + 3 * s);
        }
      }
    }
  }
  const ids = Array.from({ length: subjects }, (_, s) => `S${String(s).padStart(3, '0')}`);
  return { x, labels, subjectOf, subjects: ids, length, channels: 1, classes };
}

/**
 * Two aligned views of one toy dataset: `lab` — the ramp and a second channel (its square) at 64
 * samples; `wrist` — the ramp alone, averaged down to 16 samples. Window i of both is one recording.
 */
export function toyViews(subjects: number, perClass: number): Record<string, WindowDataset> {
  const base = toyDataset(subjects, perClass, 5, 64);
  const n = base.labels.length;
  const lab = new Float32Array(n * 64 * 2);
  const wrist = new Float32Array(n * 16);
  for (let w = 0; w < n; w++) {
    for (let t = 0; t < 64; t++) {
      const v = base.x[w * 64 + t]!;
      lab[(w * 64 + t) * 2] = v;
      lab[(w * 64 + t) * 2 + 1] = v * v;
      wrist[w * 16 + (t >> 2)]! += v / 4;
    }
  }
  return { lab: { ...base, x: lab, channels: 2 }, wrist: { ...base, x: wrist, length: 16 } };
}
