import { describe, expect, it } from 'vitest';
import { formatLatencyTable, latencyGoals, latencySpeedUps, type LatencyRow } from './latency-report.js';

const row = (model: 'teacher' | 'student' | 'floor', precision: 'fp32' | 'int8', runtime: string, batch: number, p50Us: number, sizeBytes = 20_000): LatencyRow => ({
  model, precision, runtime, batch, p50Us, p99Us: p50Us * 2, meanUs: p50Us, minUs: p50Us, runs: 1000, sizeBytes, params: 1, macsPerWindow: 1000, macsPerSecond: (1000 * batch) / (p50Us / 1e6),
});

describe('latency report', () => {
  const rows = [
    row('teacher', 'fp32', 'onnxruntime-node', 1, 900),
    row('student', 'fp32', 'onnxruntime-node', 1, 60),
    row('student', 'int8', 'onnxruntime-node', 1, 30),
    row('student', 'int8', 'onnxruntime-web', 1, 200, 40_000),
  ];

  it('divides the teacher p50 by each student p50 on the same runtime and batch', () => {
    expect(latencySpeedUps(rows)).toEqual([
      { runtime: 'onnxruntime-node', batch: 1, student: 'fp32', ratio: 15, aboveFloor: null },
      { runtime: 'onnxruntime-node', batch: 1, student: 'int8', ratio: 30, aboveFloor: null },
    ]);
    const withFloor = latencySpeedUps([...rows, row('floor', 'fp32', 'onnxruntime-node', 1, 10)]);
    expect(withFloor.find((s) => s.student === 'int8')?.aboveFloor).toBeCloseTo(890 / 20, 12);
  });

  it('judges every goal, and leaves unmeasured ones undecided', () => {
    const goals = latencyGoals(rows);
    expect(goals.map((g) => g.pass)).toEqual([true, true, false, true]);
    expect(latencyGoals([row('student', 'int8', 'onnxruntime-web', 1, 100)]).map((g) => g.pass)).toEqual([null, null, true, true]);
  });

  it('prints one line per row under a header', () => {
    const lines = formatLatencyTable(rows).split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toMatch(/^teacher fp32\s+onnxruntime-node\s+1\s+900\.0\s+1800\.0/);
  });
});
