/**
 * @module `report.md`: the experiment report as Markdown tables (views, methods, size sweep,
 * paired comparisons, folds, binary task, int8 per format, runs).
 */
import { describeAdapter } from '@painkd/models';
import { count, num, pct, row, seconds, signedDifference, signedPoints } from './markdown-format.js';
import { comparisonsMarkdown } from './report-markdown-comparisons.js';
import { sizeSweepMarkdown } from './report-markdown-sweep.js';
import { binaryScoringNote, foldAt, foldLabel, foldPairs, repeatsOf, sensorLabel } from './report-labels.js';
import type { ExperimentReport, FoldResult, MethodResult, QuantizationRow } from './report-types.js';
import { describedViews, transductiveNote } from './report-views.js';
import { INT8_FORMATS, int8MinusFp32, int8Scores } from '../metrics/int8-difference.js';

/** Above this many methods the per-fold table turns compact: accuracy only, one table per size. */
export const WIDE_PER_FOLD_METHODS = 8;

/**
 * Renders the report as Markdown: the input views (when teacher and students do not share one),
 * one row per method with mean ± sd over (repeat, fold) pairs (sample sd; a single pair shows
 * ± 0.0) of accuracy, macro-F1, MAE, RMSE and the BL1-vs-PA4 task, parameter count and training
 * time; the size sweep and its deployment costs; each student's paired comparison with the
 * CE-only student of its size; per-(repeat, fold) accuracy; summed confusion matrices; every
 * run's hyper-parameters; fp32-vs-int8 rows and the final models when present.
 *
 * @example
 * await writeFile('report.md', renderReportMarkdown(report));
 */
export function renderReportMarkdown(report: ExperimentReport): string {
  const out: string[] = [];
  const d = report.data;
  const repeats = repeatsOf(report);
  const transductive = transductiveNote(report);
  out.push(`# painkd experiment report`, '');
  out.push(
    `- Created ${report.createdAt} by painkd ${report.painkdVersion}; wall time ${seconds(report.wallMs)}` +
      (report.runtime ? ` on tfjs \`${report.runtime.backend}\`${report.runtime.adapter ? ` (${describeAdapter(report.runtime.adapter)})` : ''} with ${report.runtime.workers} worker(s)` : ''),
    `- Data: ${d.source} (${d.root}), ${d.subjects} subjects, windows per class ${d.windowsPerClass.join(' / ')} (${report.classLabels.join(' / ')}), ` +
      `${d.windowSamples} samples at ${d.sampleRate} Hz`,
    `- Task: ${report.task}; cross-validation: ${report.cv.scheme}, ${report.cv.folds} folds${repeats > 1 ? ` × ${repeats} repeats (a fold seed each)` : ''} grouped by subject (seed ${report.cv.seed}); ` +
      `validation subjects for early stopping are drawn from each fold's training subjects`,
    ...(transductive ? [`- ${transductive}`] : []),
    '',
  );

  const views = describedViews(report);
  if (views.length > 0) {
    out.push('## Input views', '', row(['View', 'Seen by', 'Channels', 'Rate', 'Window', 'Sensor']), row(['---', '---', '---', '---:', '---:', '---']));
    for (const v of views) {
      const secs = v.sampleRate > 0 ? ` (${(v.windowSamples / v.sampleRate).toFixed(2)} s)` : '';
      out.push(row([`\`${v.name}\``, v.seenBy.join(', '), v.channels.join(', '), `${v.sampleRate} Hz`, `${v.windowSamples} samples${secs}`, sensorLabel(v)]));
    }
    out.push('', 'Every view is cut from the same recordings: window i of one view is window i of every other.', '');
  }

  out.push(`## Methods (mean ± sd over ${repeats > 1 ? '(repeat, fold) pairs' : 'folds'})`, '');
  const binary = report.methods.some((m) => m.summary.binary);
  const fromMulticlass = binary && report.task === 'multiclass';
  const binaryHead = fromMulticlass ? ` (${report.classLabels.length}-class model)` : '';
  out.push(
    row(['Method', 'Role', 'Net', 'Params', 'Accuracy %', 'Macro-F1 %', 'MAE', 'RMSE', ...(binary ? [`BL1 vs PA4 acc %${binaryHead}`, `BL1 vs PA4 F1 %${binaryHead}`] : []), 'Train time']),
    row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', ...(binary ? ['---:', '---:'] : []), '---:']),
  );
  for (const m of report.methods) {
    const s = m.summary;
    out.push(
      row([
        `\`${m.id}\``,
        m.role,
        m.arch,
        count(m.params),
        pct(s.accuracy),
        pct(s.macroF1),
        num(s.mae),
        num(s.rmse),
        ...(binary ? [s.binary ? pct(s.binary.accuracy) : '–', s.binary ? pct(s.binary.macroF1) : '–'] : []),
        seconds(m.trainMs),
      ]),
    );
  }
  out.push('', `MAE and RMSE are on the 0–4 pain scale (BL1 = 0 … PA4 = 4). The sd is the sample sd (n − 1) over ${repeats > 1 ? '(repeat, fold) pairs' : 'folds'}.`);
  if (fromMulticlass) out.push(`BL1 vs PA4 columns: ${binaryScoringNote(report.classLabels.length)}.`);
  out.push('');

  out.push(...sizeSweepMarkdown(report), ...comparisonsMarkdown(report), ...perFoldMarkdown(report, repeats));

  out.push(`## Confusion matrices (summed over ${repeats > 1 ? '(repeat, fold) pairs' : 'folds'}; rows true, columns predicted)`, '');
  for (const m of report.methods) {
    out.push(`**${m.id}**`, '', row(['', ...report.classLabels]), row(['---', ...report.classLabels.map(() => '---:')]));
    m.summary.confusion.forEach((r, i) => out.push(row([report.classLabels[i], ...r.map(String)])));
    out.push('');
  }

  if (report.quantization && report.quantization.length > 0) out.push(...quantizationTable(report.quantization));

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
      out.push(row([`\`${m.id}\``, m.arch, count(m.params), `${m.epochsRun} (${m.bestEpoch})`, seconds(m.trainMs), m.files.map((p) => `\`${p}\``).join(', ')]));
    }
    out.push('');
  }

  out.push('## Runs and hyper-parameters', '');
  for (const m of report.methods) out.push(`- \`${m.id}\` (${m.arch}): \`${JSON.stringify(m.hyper)}\``);
  out.push('');
  return out.join('\n');
}

function subjects(f: FoldResult): string {
  return f.testSubjects.length > 4 ? `${f.testSubjects.slice(0, 3).join(', ')} … (${f.testSubjects.length})` : f.testSubjects.join(', ');
}

/**
 * Per-(repeat, fold) results. Up to {@link WIDE_PER_FOLD_METHODS} methods: one row per pair with
 * test subjects, accuracy / F1 and epochs of every method. Above: the pairs' test subjects, then
 * accuracy only, one table per group (teachers, then each student size), methods as rows.
 */
function perFoldMarkdown(report: ExperimentReport, repeats: number): string[] {
  const pairs = foldPairs(report.methods);
  const out: string[] = [repeats > 1 ? '## Per repeat and fold' : '## Per fold', ''];
  if (report.methods.length <= WIDE_PER_FOLD_METHODS) {
    out.push(row(['Fold', 'Test subjects', ...report.methods.map((m) => `\`${m.id}\` acc / F1 %`)]), row(['---:', '---', ...report.methods.map(() => '---:')]));
    for (const p of pairs) {
      const cells = report.methods.map((m) => {
        const r = foldAt(m, p);
        return r ? `${(100 * r.metrics.accuracy).toFixed(1)} / ${(100 * r.metrics.macroF1).toFixed(1)} (${r.epochsRun} ep)` : '–';
      });
      out.push(row([foldLabel(p, repeats), subjects(p), ...cells]));
    }
    out.push('');
    return out;
  }
  out.push(row(['Fold', 'Test subjects']), row(['---:', '---']), ...pairs.map((p) => row([foldLabel(p, repeats), subjects(p)])), '');
  const groups = new Map<string, MethodResult[]>();
  for (const m of report.methods) {
    const key = m.role === 'teacher' ? 'Teachers' : typeof m.size === 'string' ? `Size \`${m.size}\`` : 'Students';
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const [title, methods] of groups) {
    out.push(`**${title}**, accuracy %`, '', row(['Method', ...pairs.map((p) => foldLabel(p, repeats))]), row(['---', ...pairs.map(() => '---:')]));
    for (const m of methods) {
      out.push(row([`\`${m.id}\``, ...pairs.map((p) => {
        const r = foldAt(m, p);
        return r ? (100 * r.metrics.accuracy).toFixed(1) : '–';
      })]));
    }
    out.push('');
  }
  return out;
}

/** The fp32-vs-int8 rows: per fold and format the scores and int8 − fp32; then the mean difference, one sentence per format. */
function quantizationTable(rows: readonly QuantizationRow[]): string[] {
  const formats = INT8_FORMATS.filter(({ format }) => rows.every((r) => int8Scores(r, format) !== undefined));
  const out = ['## Student fp32 vs int8', ''];
  const diff = int8MinusFp32(rows);
  for (const { format, label } of formats) {
    const d = diff[format]!;
    out.push(`- ${label} − fp32: accuracy ${signedPoints(d.accuracy, 2)} points, macro-F1 ${signedPoints(d.macroF1, 2)} points, MAE ${signedDifference(d.mae, 3)} (mean over ${rows.length} folds, same test windows; positive accuracy = int8 better)`);
  }
  const calibration = rows[0]?.calibration;
  if (calibration) out.push(`- Calibration (per fold, the shipped artifact's choice): ${rows.map((r) => r.calibration?.method ?? '?').join(', ')}`);
  out.push('', row(['Fold', 'Format', 'acc %', 'Δ acc pts', 'F1 %', 'Δ F1 pts', 'MAE', 'Δ MAE']), row(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const q of rows) {
    out.push(row([String(q.fold + 1), 'fp32', (100 * q.fp32.accuracy).toFixed(1), '', (100 * q.fp32.macroF1).toFixed(1), '', q.fp32.mae.toFixed(3), '']));
    for (const { format, label } of formats) {
      const s = int8Scores(q, format)!;
      out.push(
        row([
          String(q.fold + 1),
          label,
          (100 * s.accuracy).toFixed(1),
          signedPoints(s.accuracy - q.fp32.accuracy, 1),
          (100 * s.macroF1).toFixed(1),
          signedPoints(s.macroF1 - q.fp32.macroF1, 1),
          s.mae.toFixed(3),
          signedDifference(s.mae - q.fp32.mae, 3),
        ]),
      );
    }
  }
  out.push('');
  return out;
}
