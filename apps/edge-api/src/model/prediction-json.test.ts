/** @module A recording's aggregate: mean probabilities, their argmax, the highest window level, the union of flags. */
import { describe, expect, it } from 'vitest';
import { aggregateJson, streamedWindowJson, windowJson } from './prediction-json.js';

const labels = ['BL1', 'PA1', 'PA2'];
const p = (probabilities: number[]) => ({ level: probabilities.indexOf(Math.max(...probabilities)), label: '', probabilities });

describe('aggregateJson, windowJson and streamedWindowJson', () => {
  it('averages the predicted windows and keeps the highest level any window reached', () => {
    const results = [
      { quality: { ok: true, flags: [] }, prediction: p([0.6, 0.3, 0.1]) },
      { quality: { ok: false, flags: ['JUMP' as const] }, prediction: p([0.5, 0.1, 0.4]) },
      { quality: { ok: false, flags: ['FLAT' as const, 'JUMP' as const] }, prediction: undefined },
    ];
    const a = aggregateJson(results, labels);
    expect(a.probabilities[0]).toBeCloseTo(0.55, 12);
    expect(a.probabilities[2]).toBeCloseTo(0.25, 12);
    expect(a).toMatchObject({ level: 0, label: 'BL1', maxLevel: 0, maxLabel: 'BL1', quality: { ok: false, flags: ['FLAT', 'JUMP'] } });
    expect(aggregateJson([{ quality: { ok: true, flags: [] }, prediction: p([0.1, 0.2, 0.7]) }, ...results.slice(0, 1)], labels)).toMatchObject({ maxLevel: 2, maxLabel: 'PA2' });
    expect(windowJson(results[2] as (typeof results)[number])).toEqual({ rejected: true, quality: { ok: false, flags: ['FLAT', 'JUMP'] } });
    expect(() => aggregateJson(results.slice(2), labels)).toThrow(/at least one predicted window/);
  });

  it('places a streamed window in its stream (times to the µs) before its answer', () => {
    const w = { index: 3, seq: 7, startSeconds: 0.1 + 0.2, endSeconds: 5.8000004, samples: new Float32Array(0) };
    const quality = { ok: true, flags: [] };
    expect(JSON.stringify(streamedWindowJson(w, { quality, prediction: { level: 1, label: 'PA1', probabilities: [0.4, 0.6] } }))).toBe(
      '{"window":3,"seq":7,"startSeconds":0.3,"endSeconds":5.8,"level":1,"label":"PA1","probabilities":[0.4,0.6],"quality":{"ok":true,"flags":[]}}',
    );
    expect(streamedWindowJson(w, { quality, prediction: undefined })).toEqual({ window: 3, seq: 7, startSeconds: 0.3, endSeconds: 5.8, rejected: true, quality });
  });
});
