/**
 * @module `npx nx run trainer:render-report -- <dir>`: renders `report.md` and `report.html` again
 * from a run's `report.json` (and its `latency.json`, when present) with the current renderers —
 * for a committed or older run whose numbers stay as they were.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderReportMarkdown, type ExperimentReport } from '@painkd/distill';
import { userPath } from '../cli/paths.js';
import { LATENCY_FILE } from '../output/write-outputs.js';
import { writeReportHtml } from '../report-html/index.js';

const arg = process.argv[2];
if (!arg) {
  process.stderr.write('usage: npx nx run trainer:render-report -- <run folder holding report.json>\n');
  process.exit(2);
}
const dir = userPath(arg);
const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as ExperimentReport;
await writeFile(join(dir, 'report.md'), renderReportMarkdown(report));
const latency = join(dir, LATENCY_FILE);
await writeReportHtml(report, dir, existsSync(latency) ? { latencyJsonPath: latency } : {});
process.stdout.write(`rendered ${dir}/report.md and report.html from report.json\n`);
