/**
 * @module A report's student-size sweep: methods × sizes with their accuracy, each size's
 * deployment footprint, and the Pareto points (accuracy against int8 size, MACs or latency) that
 * the Markdown and HTML reports both print.
 */
import type { ExperimentReport, Footprint, MeanSd, MethodResult } from './report-types.js';

/** One student size of the sweep. */
export interface SweepSize {
  readonly id: string;
  /** Parameter counts of the students of this size (equal unless a method adds a head). */
  readonly params: { readonly min: number; readonly max: number };
  /** The footprint whose id is this size, when the report measured one. */
  readonly footprint?: Footprint;
}

/** One method at one size. */
export interface SweepCell {
  readonly method: string;
  readonly size: string;
  readonly result: MethodResult;
}

/** Everything a report shows about a size family. */
export interface SizeSweep {
  /** In report (config) order. */
  readonly sizes: readonly SweepSize[];
  /** Method (run) ids in report order. */
  readonly methods: readonly string[];
  readonly cells: readonly SweepCell[];
  /** The teacher and every reference teacher: the Pareto charts' reference lines. */
  readonly teachers: readonly MethodResult[];
  readonly teacherFootprint?: Footprint;
}

/** An x axis of the Pareto chart, read from a footprint. */
export interface ParetoAxis {
  readonly id: 'int8-size' | 'macs' | 'latency';
  /** Axis title, with its unit. */
  readonly title: string;
  readonly value: (f: Footprint) => number | undefined;
}

/** The three x axes: int8 file size, multiply-accumulates and measured median latency. */
export const PARETO_AXES: readonly ParetoAxis[] = [
  { id: 'int8-size', title: 'int8 file size (bytes)', value: (f) => f.int8Bytes },
  { id: 'macs', title: 'MACs per window', value: (f) => f.macs },
  { id: 'latency', title: 'latency p50 (µs)', value: (f) => f.latencyUs?.p50 },
];

/** One method at one size, placed on a Pareto axis. */
export interface ParetoPoint {
  readonly method: string;
  readonly size: string;
  readonly x: number;
  readonly accuracy: MeanSd;
}

/**
 * The size family of a report, or `undefined` when no student has a `size`.
 *
 * @example
 * const sweep = sizeSweep(report);
 * sweep?.sizes.map((s) => s.id); // ['xs', 's', 'm', 'l']
 */
export function sizeSweep(report: Pick<ExperimentReport, 'methods' | 'footprints'>): SizeSweep | undefined {
  const cells: SweepCell[] = [];
  for (const m of report.methods) {
    if (m.role === 'student' && typeof m.size === 'string') cells.push({ method: typeof m.method === 'string' ? m.method : m.id, size: m.size, result: m });
  }
  if (cells.length === 0) return undefined;
  const footprints = report.footprints ?? [];
  const sizes = unique(cells.map((c) => c.size)).map((id): SweepSize => {
    const params = cells.filter((c) => c.size === id).map((c) => c.result.params);
    const footprint = footprints.find((f) => f.role === 'student' && f.id === id);
    return { id, params: { min: Math.min(...params), max: Math.max(...params) }, ...(footprint ? { footprint } : {}) };
  });
  const teacherFootprint = footprints.find((f) => f.role === 'teacher');
  return {
    sizes,
    methods: unique(cells.map((c) => c.method)),
    cells,
    teachers: report.methods.filter((m) => m.role === 'teacher'),
    ...(teacherFootprint ? { teacherFootprint } : {}),
  };
}

/**
 * The cell of a method at a size, if that student ran.
 *
 * @example
 * sweepCell(sweep, 'student-kd', 'xs')?.result.summary.accuracy.mean;
 */
export function sweepCell(sweep: SizeSweep, method: string, size: string): SweepCell | undefined {
  return sweep.cells.find((c) => c.method === method && c.size === size);
}

/**
 * The points of one Pareto chart (positive, finite x only) and the sizes it cannot place
 * (no footprint, or the footprint lacks this axis, e.g. latency was not measured).
 *
 * @example
 * const { points, missing } = paretoPoints(sweep, PARETO_AXES[0]);
 */
export function paretoPoints(sweep: SizeSweep, axis: ParetoAxis): { points: ParetoPoint[]; missing: string[] } {
  const points: ParetoPoint[] = [];
  const missing: string[] = [];
  for (const size of sweep.sizes) {
    const x = size.footprint ? axis.value(size.footprint) : undefined;
    if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) {
      missing.push(size.id);
      continue;
    }
    for (const c of sweep.cells) if (c.size === size.id) points.push({ method: c.method, size: size.id, x, accuracy: c.result.summary.accuracy });
  }
  return { points, missing };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
