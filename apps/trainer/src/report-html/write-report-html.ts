/**
 * @module Writes `report.html` atomically next to `report.json`, reading the latency benchmark's
 * `bench/latency.json` when it exists.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ExperimentReport } from '@painkd/distill';
import { ReportHtmlError } from './errors.js';
import { parseLatency, type LatencyState } from './latency.js';
import { buildReportPage } from './render-report-html.js';

/** Options of {@link writeReportHtml}. */
export interface WriteReportHtmlOptions {
  /** Path of the latency benchmark's JSON; default `bench/latency.json` at the workspace root. */
  readonly latencyJsonPath?: string;
}

/**
 * The workspace root: the nearest folder at or above `from` holding `nx.json`, else `from`.
 *
 * @example
 * ```ts
 * workspaceRoot(process.cwd()); // '/work/main'
 * ```
 */
export function workspaceRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

/**
 * Reads and classifies a latency JSON file: absent, unreadable (with why) or usable.
 *
 * @example
 * ```ts
 * const state = await readLatencyFile('bench/latency.json');
 * ```
 */
export async function readLatencyFile(path: string): Promise<LatencyState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { kind: 'absent', reason: `${path} does not exist` }
      : { kind: 'unreadable', reason: `${path} could not be read (${code ?? String(cause)})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return { kind: 'unreadable', reason: `${path} is not valid JSON (${(cause as Error).message})` };
  }
  const state = parseLatency(json);
  return state.kind === 'unreadable' ? { kind: 'unreadable', reason: `${path}: ${state.reason}` } : state;
}

/**
 * Renders `report` and writes `<outDir>/report.html` atomically (temporary file, then rename),
 * so an interrupted run never leaves a half-written page.
 *
 * @param report - the run's report.
 * @param outDir - the artifact folder (created when missing).
 * @param opts - `latencyJsonPath`: where the latency benchmark wrote its results.
 * @returns the absolute path written.
 * @throws {@link ReportHtmlError} `REPORT_HTML_WRITE_FAILED` when the file cannot be written,
 *   and the render errors of {@link renderReportHtml}.
 * @example
 * ```ts
 * const path = await writeReportHtml(report, 'artifacts');
 * console.log(`report: ${path}`);
 * ```
 */
export async function writeReportHtml(
  report: ExperimentReport,
  outDir: string,
  opts: WriteReportHtmlOptions = {},
): Promise<string> {
  const latencyPath = opts.latencyJsonPath ?? join(workspaceRoot(process.cwd()), 'bench', 'latency.json');
  const { html } = await buildReportPage(report, await readLatencyFile(latencyPath));
  const dir = resolve(outDir);
  const target = join(dir, 'report.html');
  const temp = join(dir, `.report.html.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, html, 'utf8');
    await rename(temp, target);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new ReportHtmlError('REPORT_HTML_WRITE_FAILED', `could not write ${target}: ${String(cause)}`, { cause });
  }
  return target;
}
