/**
 * @module What the latency benchmark reports: rows (model × runtime × batch), teacher/student
 * speed-ups per runtime, the goals with pass/fail, and the text table.
 */
import type { LatencyStats } from '@painkd/models';

/** One measured configuration, as written to `bench/latency.json`. */
export interface LatencyRow extends LatencyStats {
  readonly model: 'teacher' | 'student' | 'floor';
  readonly precision: 'fp32' | 'int8';
  readonly runtime: string;
  readonly batch: number;
  /** ONNX file size (the tfjs net holds the same fp32 weights). */
  readonly sizeBytes: number;
  readonly params: number;
  readonly macsPerWindow: number;
  /** `macsPerWindow × batch / p50`. */
  readonly macsPerSecond: number;
}

/** Teacher fp32 p50 over a student's p50, on one runtime at one batch. */
export interface LatencySpeedUp {
  readonly runtime: string;
  readonly batch: number;
  readonly student: 'fp32' | 'int8';
  readonly ratio: number;
  /** `(teacher − floor) / (student − floor)`: the speed-up of the network itself, per-call cost removed (when a floor was measured). */
  readonly aboveFloor: number | null;
}

/** One of the latency goals. */
export interface LatencyGoal {
  readonly goal: string;
  readonly measured: number | null;
  readonly pass: boolean | null;
}

/**
 * Speed-ups of each student over the fp32 teacher wherever both were measured.
 *
 * @example
 * ```ts
 * latencySpeedUps(rows).filter((s) => s.runtime === 'onnxruntime-node');
 * ```
 */
export function latencySpeedUps(rows: readonly LatencyRow[]): LatencySpeedUp[] {
  const out: LatencySpeedUp[] = [];
  for (const t of rows.filter((r) => r.model === 'teacher')) {
    for (const s of rows.filter((r) => r.model === 'student' && r.runtime === t.runtime && r.batch === t.batch)) {
      const floor = rows.find((r) => r.model === 'floor' && r.runtime === t.runtime && r.batch === t.batch);
      const aboveFloor = floor && s.p50Us > floor.p50Us ? (t.p50Us - floor.p50Us) / (s.p50Us - floor.p50Us) : null;
      out.push({ runtime: t.runtime, batch: t.batch, student: s.precision, ratio: t.p50Us / s.p50Us, aboveFloor });
    }
  }
  return out;
}

/**
 * The goals: int8 student ≥ 20× faster than the fp32 teacher at batch 1 on
 * onnxruntime-node; student int8 p50 ≤ 50 µs (node) and ≤ 150 µs (web); file ≤ 32 KB.
 *
 * @example
 * ```ts
 * for (const g of latencyGoals(rows)) console.log(g.goal, g.pass);
 * ```
 */
export function latencyGoals(rows: readonly LatencyRow[]): LatencyGoal[] {
  const find = (model: string, precision: string, runtime: string, batch: number): LatencyRow | undefined =>
    rows.find((r) => r.model === model && r.precision === precision && r.runtime === runtime && r.batch === batch);
  const teacherNode = find('teacher', 'fp32', 'onnxruntime-node', 1);
  const int8Node = find('student', 'int8', 'onnxruntime-node', 1);
  const int8Web = find('student', 'int8', 'onnxruntime-web', 1);
  const speedUp = teacherNode && int8Node ? teacherNode.p50Us / int8Node.p50Us : null;
  const size = int8Node?.sizeBytes ?? rows.find((r) => r.model === 'student' && r.precision === 'int8')?.sizeBytes ?? null;
  const check = (value: number | null, ok: (v: number) => boolean): boolean | null => (value === null ? null : ok(value));
  return [
    { goal: 'int8 student ≥ 20× faster than fp32 teacher, batch 1, onnxruntime-node', measured: speedUp, pass: check(speedUp, (v) => v >= 20) },
    { goal: 'int8 student p50 ≤ 50 µs, batch 1, onnxruntime-node', measured: int8Node?.p50Us ?? null, pass: check(int8Node?.p50Us ?? null, (v) => v <= 50) },
    { goal: 'int8 student p50 ≤ 150 µs, batch 1, onnxruntime-web', measured: int8Web?.p50Us ?? null, pass: check(int8Web?.p50Us ?? null, (v) => v <= 150) },
    { goal: 'student.int8.onnx ≤ 32 KB', measured: size, pass: check(size, (v) => v <= 32 * 1024) },
  ];
}

/**
 * Renders rows as a fixed-width text table.
 *
 * @example
 * ```ts
 * console.log(formatLatencyTable(rows));
 * ```
 */
export function formatLatencyTable(rows: readonly LatencyRow[]): string {
  const header = ['model', 'runtime', 'batch', 'p50 µs', 'p99 µs', 'µs/window', 'runs', 'size', 'params', 'MACs/window', 'MAC/s'];
  const body = rows.map((r) => [
    `${r.model} ${r.precision}`,
    r.runtime,
    String(r.batch),
    r.p50Us.toFixed(1),
    r.p99Us.toFixed(1),
    (r.p50Us / r.batch).toFixed(2),
    String(r.runs),
    `${(r.sizeBytes / 1024).toFixed(1)} KB`,
    String(r.params),
    String(r.macsPerWindow),
    `${(r.macsPerSecond / 1e9).toFixed(2)} G`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
