/** @module Where the HTML report's committed fixtures live, and how each one is made. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExperimentReport } from '@painkd/distill';
import { sampleLatency, sampleReport } from './sample-report.js';

/** `apps/trainer/fixtures/report`. */
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'report');

/** Each committed fixture file and the generator call that produces it. */
export const FIXTURES = {
  'report-full.json': () => sampleReport(),
  'report-one-fold.json': () =>
    sampleReport({
      folds: 1,
      methods: ['teacher', 'student-kd', 'student-cosine', 'student-dkd'],
      binary: false,
      int8Confusion: false,
      classMeans: false,
      seed: 11,
    }),
  'report-privileged.json': () => sampleReport({ preset: 'privileged', folds: 3, seed: 7 }),
  'latency.json': () => sampleLatency(),
} as const;

/** A committed fixture's file name. */
export type FixtureName = keyof typeof FIXTURES;

/**
 * Serialises a fixture as committed (one-space-indented JSON, trailing newline).
 *
 * @example
 * ```ts
 * fixtureText('latency.json');
 * ```
 */
export function fixtureText(name: FixtureName): string {
  return `${JSON.stringify(FIXTURES[name](), null, 1)}\n`;
}

/**
 * Reads a committed report fixture.
 *
 * @example
 * ```ts
 * const report = await readReportFixture('report-full.json');
 * ```
 */
export async function readReportFixture(name: 'report-full.json' | 'report-one-fold.json' | 'report-privileged.json'): Promise<ExperimentReport> {
  return JSON.parse(await readFile(join(FIXTURE_DIR, name), 'utf8')) as ExperimentReport;
}

/**
 * Reads the committed latency fixture as untyped JSON, the way the trainer reads it.
 *
 * @example
 * ```ts
 * const latency = await readLatencyFixture();
 * ```
 */
export async function readLatencyFixture(): Promise<unknown> {
  return JSON.parse(await readFile(join(FIXTURE_DIR, 'latency.json'), 'utf8')) as unknown;
}

/** Charts every fixture with class means draws before the comparison charts. */
const DATA_AND_METHOD_CHARTS = ['class-counts', 'example-traces', 'class-mean-traces', 'accuracy', 'macro-f1', 'mae'];

/** Charts after the binary section: confusion, one learning curve per method, int8 and latency. */
function laterChartIds(report: ExperimentReport): string[] {
  return ['confusion-teacher', 'confusion-best-student', 'confusion-int8', ...report.methods.map(() => 'learning-curve'), 'quantization', 'latency', 'model-size'];
}

/**
 * Every chart id `report-full.json` draws, in page order (one learning curve per method).
 *
 * @example
 * expect(chartIds(html)).toEqual(fullReportChartIds(report));
 */
export function fullReportChartIds(report: ExperimentReport): string[] {
  return [...DATA_AND_METHOD_CHARTS, 'paired-differences', 'binary-accuracy', 'binary-macro-f1', ...laterChartIds(report)];
}

/**
 * Every chart id `report-privileged.json` draws, in page order: the three Pareto charts and the
 * paired differences, no binary-task charts (the run's task is BL vs PA4 itself).
 *
 * @example
 * expect(chartIds(html)).toEqual(privilegedReportChartIds(report));
 */
export function privilegedReportChartIds(report: ExperimentReport): string[] {
  return [...DATA_AND_METHOD_CHARTS, 'pareto-int8-size', 'pareto-macs', 'pareto-latency', 'paired-differences', ...laterChartIds(report)];
}
