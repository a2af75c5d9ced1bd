import { describe, expect, it } from 'vitest';
import { readLatencyFixture } from '../../tests/report-html/fixtures.js';
import { parseLatency, speedUps } from './latency.js';

describe('parseLatency', () => {
  it('reads the sample benchmark file: 18 rows, 3 sizes, precision folded into the model name', async () => {
    const state = parseLatency(await readLatencyFixture());
    expect(state.kind).toBe('ok');
    if (state.kind !== 'ok') return;
    expect(state.rows).toHaveLength(18);
    expect(state.skipped).toBe(0);
    expect(state.sizes.map((s) => s.model)).toEqual(['teacher fp32', 'student fp32', 'student int8']);
    expect(state.rows[0]).toEqual({ model: 'teacher fp32', runtime: 'onnxruntime-node', batch: 1, p50Us: 610, p99Us: 884.5 });
  });

  it('accepts a bare array, ms and ns units, nested latencyUs, and defaults batch to 1', () => {
    const state = parseLatency([
      { name: 'teacher', backend: 'ort-node', p50Ms: 0.5, p99Ms: 0.9 },
      { net: 'student-int8', engine: 'ort-node', p50Ns: 20_000 },
      { model: 'student', precision: 'fp32', runtime: 'ort-node', batchSize: 32, latencyUs: { p50: 40, p99: 30 } },
    ]);
    expect(state).toEqual({
      kind: 'ok',
      skipped: 0,
      sizes: [],
      rows: [
        { model: 'teacher', runtime: 'ort-node', batch: 1, p50Us: 500, p99Us: 900 },
        { model: 'student-int8', runtime: 'ort-node', batch: 1, p50Us: 20, p99Us: undefined },
        { model: 'student fp32', runtime: 'ort-node', batch: 32, p50Us: 40, p99Us: undefined },
      ],
    });
  });

  it('skips and counts rows without a model, a runtime or a positive p50', () => {
    const state = parseLatency({
      results: [
        { model: 'teacher', runtime: 'a', p50Us: 100 },
        { runtime: 'a', p50Us: 1 },
        { model: 'x', p50Us: 1 },
        { model: 'y', runtime: 'a', p50Us: -3 },
        { model: 'z', runtime: 'a', p50Us: 'fast' },
        42,
      ],
    });
    expect(state.kind === 'ok' && state.skipped).toBe(5);
    expect(state.kind === 'ok' && state.rows.map((r) => r.model)).toEqual(['teacher']);
  });

  it('takes sizes from a models list or a name→bytes map', () => {
    const a = parseLatency({ rows: [], models: [{ name: 'student int8', bytes: 15_000, params: 7861, macs: 120_000 }] });
    expect(a).toEqual({ kind: 'ok', rows: [], skipped: 0, sizes: [{ model: 'student int8', bytes: 15_000, params: 7861, macs: 120_000 }] });
    const b = parseLatency({ rows: [], sizes: { 'teacher fp32': 600_000, bad: -1 } });
    expect(b.kind === 'ok' && b.sizes).toEqual([{ model: 'teacher fp32', bytes: 600_000, params: undefined, macs: undefined }]);
  });

  it('classifies missing and unusable input with a reason', () => {
    expect(parseLatency(undefined).kind).toBe('absent');
    expect(parseLatency({ hello: 'world' })).toEqual({
      kind: 'unreadable',
      reason: 'it holds no list of measurements (expected an array or an object with "rows")',
    });
    expect(parseLatency('text')).toMatchObject({ kind: 'unreadable' });
    expect(parseLatency([{ foo: 1 }, { bar: 2 }])).toEqual({
      kind: 'unreadable',
      reason: 'none of its 2 entries has a model, a runtime and a positive p50',
    });
  });
});

describe('speedUps', () => {
  it('divides the teacher p50 by each student p50 on the same runtime and batch only', () => {
    const state = parseLatency([
      { model: 'teacher fp32', runtime: 'node', batch: 1, p50Us: 600 },
      { model: 'student int8', runtime: 'node', batch: 1, p50Us: 20 },
      { model: 'student int8', runtime: 'node', batch: 32, p50Us: 100 },
      { model: 'student int8', runtime: 'web', batch: 1, p50Us: 50 },
    ]);
    expect(state.kind === 'ok' && speedUps(state.rows)).toEqual([
      { runtime: 'node', batch: 1, teacher: 'teacher fp32', student: 'student int8', ratio: 30 },
    ]);
  });
});
