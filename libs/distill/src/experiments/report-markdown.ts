/** @module `report.md`: the experiment report as Markdown tables (methods, folds, binary task, runs). */
import { describeAdapter } from '@painkd/models';
import type { ExperimentReport, MeanSd, MethodResult } from './report-types.js';
import { meanSd } from '../metrics/fold-summary.js';

const pct = (m: MeanSd): string => `${(100 * m.mean).toFixed(1)} ± ${(100 * m.sd).toFixed(1)}`;
const num = (m: MeanSd): string => `${m.mean.toFixed(3)} ± ${m.sd.toFixed(3)}`;
const seconds = (ms: number): string => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`);

/**
 * Renders the report as Markdown: one row per method with mean ± sd (sample sd over folds; a
 * single fold shows ± 0.0) of accuracy, macro-F1, MAE, RMSE and the BL1-vs-PA4 task, parameter
 * count and training time; the paired accuracy difference of each student to the CE-only
 * student on the same folds; per-fold accuracy and macro-F1; summed confusion matrices; every
 * run's hyper-parameters; fp32-vs-int8 rows and the final models when present.
 *
 * @example
 * await writeFile('report.md', renderReportMarkdown(report));
 */
export function renderReportMarkdown(report: ExperimentReport): string {
  const out: string[] = [];
  const d = report.data;
  out.push(`# painkd experiment report`, '');
  out.push(
    `- Created ${report.createdAt} by painkd ${report.painkdVersion}; wall time ${seconds(report.wallMs)}` +
      (report.runtime ? ` on tfjs \`${report.runtime.backend}\`${report.runtime.adapter ? ` (${describeAdapter(report.runtime.adapter)})` : ''} with ${report.runtime.workers} worker(s)` : ''),
    `- Data: ${d.source} (${d.root}), ${d.subjects} subjects, windows per class ${d.windowsPerClass.join(' / ')} (${report.classLabels.join(' / ')}), ` +
      `${d.windowSamples} samples at ${d.sampleRate} Hz`,
    `- Task: ${report.task}; cross-validation: ${report.cv.scheme}, ${report.cv.folds} folds grouped by subject (seed ${report.cv.seed}); ` +
      `validation subjects for early stopping are drawn from each fold's training subjects`,
    '',
  );

  out.push('## Methods (mean ± sd over folds)', '');
  const binary = report.methods.some((m) => m.summary.binary);
  out.push(
    row(['Method', 'Role', 'Net', 'Params', 'Accuracy %', 'Macro-F1 %', 'MAE', 'RMSE', ...(binary ? ['BL1 vs PA4 acc %', 'BL1 vs PA4 F1 %'] : []), 'Train time']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', ...(binary ? ['---:', '---:'] : []), '---:']),
  );
  for (const m of report.methods) {
    const s = m.summary;
    out.push(
      row([
        `\`${m.id}\``,
        m.role,
        m.arch,
        m.params.toLocaleString('en-US'),
        pct(s.accuracy),
        pct(s.macroF1),
        num(s.mae),
        num(s.rmse),
        ...(binary ? [s.binary ? pct(s.binary.accuracy) : '–', s.binary ? pct(s.binary.macroF1) : '–'] : []),
        seconds(m.trainMs),
      ]),
    );
  }
  out.push('', 'MAE and RMSE are on the 0–4 pain scale (BL1 = 0 … PA4 = 4). The sd is the sample sd (n − 1) over folds.', '');

  const baseline = report.methods.find((m) => m.id === 'student-ce');
  const students = report.methods.filter((m) => m.role === 'student' && m !== baseline);
  if (baseline && students.length > 0) {
    out.push('## Paired difference to the CE-only student (same folds)', '');
    out.push(row(['Method', 'Δ accuracy (pts)', 'Δ macro-F1 (pts)', 'Folds better']), row(['---', '---:', '---:', '---:']));
    for (const m of students) {
      const dAcc = paired(m, baseline, (f) => f.metrics.accuracy);
      const dF1 = paired(m, baseline, (f) => f.metrics.macroF1);
      const better = m.folds.filter((f, i) => f.metrics.accuracy > baseline.folds[i].metrics.accuracy).length;
      out.push(row([`\`${m.id}\``, signed(dAcc), signed(dF1), `${better} / ${m.folds.length}`]));
    }
    out.push('');
  }

  out.push('## Per fold', '');
  out.push(row(['Fold', 'Test subjects', ...report.methods.map((m) => `\`${m.id}\` acc / F1 %`)]), row(['---:', '---', ...report.methods.map(() => '---:')]));
  const folds = report.methods[0]?.folds ?? [];
  folds.forEach((f, i) => {
    out.push(
      row([
        String(f.fold + 1),
        f.testSubjects.length > 4 ? `${f.testSubjects.slice(0, 3).join(', ')} … (${f.testSubjects.length})` : f.testSubjects.join(', '),
        ...report.methods.map((m) => {
          const r = m.folds[i];
          return r ? `${(100 * r.metrics.accuracy).toFixed(1)} / ${(100 * r.metrics.macroF1).toFixed(1)} (${r.epochsRun} ep)` : '–';
        }),
      ]),
    );
  });
  out.push('');

  out.push('## Confusion matrices (summed over folds; rows true, columns predicted)', '');
  for (const m of report.methods) {
    out.push(`**${m.id}**`, '', row(['', ...report.classLabels]), row(['---', ...report.classLabels.map(() => '---:')]));
    m.summary.confusion.forEach((r, i) => out.push(row([report.classLabels[i], ...r.map(String)])));
    out.push('');
  }

  if (report.quantization && report.quantization.length > 0) {
    out.push('## Student fp32 vs int8', '', row(['Fold', 'fp32 acc %', 'int8 acc %', 'fp32 F1 %', 'int8 F1 %', 'fp32 MAE', 'int8 MAE']), row(['---:', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const q of report.quantization) {
      out.push(
        row([
          String(q.fold + 1),
          (100 * q.fp32.accuracy).toFixed(1),
          (100 * q.int8.accuracy).toFixed(1),
          (100 * q.fp32.macroF1).toFixed(1),
          (100 * q.int8.macroF1).toFixed(1),
          q.fp32.mae.toFixed(3),
          q.int8.mae.toFixed(3),
        ]),
      );
    }
    out.push('');
  }

  if (report.finalModels) {
    const f = report.finalModels;
    out.push(
      '## Final models (for export)',
      '',
      `Trained after cross-validation on ${f.trainSubjects} subjects, with ${f.valSubjects} held out for early stopping (no test set: their CV rows above are the estimate).`,
      '',
      row(['Model', 'Net', 'Params', 'Epochs (best)', 'Train time', 'Files']),
      row(['---', '---', '---:', '---:', '---:', '---']),
    );
    for (const m of [f.teacher, f.student]) {
      out.push(row([`\`${m.id}\``, m.arch, m.params.toLocaleString('en-US'), `${m.epochsRun} (${m.bestEpoch})`, seconds(m.trainMs), m.files.map((p) => `\`${p}\``).join(', ')]));
    }
    out.push('');
  }

  out.push('## Runs and hyper-parameters', '');
  for (const m of report.methods) out.push(`- \`${m.id}\` (${m.arch}): \`${JSON.stringify(m.hyper)}\``);
  out.push('');
  return out.join('\n');
}

function paired(m: MethodResult, base: MethodResult, f: (fold: MethodResult['folds'][number]) => number): MeanSd | undefined {
  if (m.folds.length !== base.folds.length || m.folds.length === 0) return undefined;
  return meanSd(m.folds.map((fold, i) => f(fold) - f(base.folds[i])));
}

function signed(m: MeanSd | undefined): string {
  if (!m) return '–';
  const v = 100 * m.mean;
  return `${v >= 0 ? '+' : ''}${v.toFixed(1)} ± ${(100 * m.sd).toFixed(1)}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}
