/**
 * @module The size-sweep part of `report.md`: accuracy per method × student size, and each
 * size's deployment cost (the Pareto chart's x axes) next to the teachers' accuracy.
 */
import { count, fileSize, pct, row } from './markdown-format.js';
import type { ExperimentReport, Footprint } from './report-types.js';
import { PARETO_AXES, paretoPoints, sizeSweep, sweepCell, type SweepSize } from './report-size-sweep.js';

function paramsLabel(s: SweepSize): string {
  return s.params.min === s.params.max ? count(s.params.min) : `${count(s.params.min)}–${count(s.params.max)}`;
}

function latency(f: Footprint | undefined): string {
  const l = f?.latencyUs;
  return l && Number.isFinite(l.p50) ? `${l.p50.toFixed(0)} µs (${l.runtime})` : '–';
}

/**
 * The size-sweep section as Markdown lines; empty when no student has a size.
 *
 * @example
 * out.push(...sizeSweepMarkdown(report));
 */
export function sizeSweepMarkdown(report: ExperimentReport): string[] {
  const sweep = sizeSweep(report);
  if (!sweep) return [];
  const out: string[] = ['## Student size sweep', ''];
  const pairs = sweep.cells[0]?.result.folds.length ?? 0;
  out.push(`Accuracy % (mean ± sd over ${pairs} (repeat, fold) pairs) of each method at each student size; the header gives each size's parameters.`, '');
  out.push(row(['Method', ...sweep.sizes.map((s) => `\`${s.id}\` (${paramsLabel(s)} params)`)]), row(['---', ...sweep.sizes.map(() => '---:')]));
  for (const method of sweep.methods) {
    out.push(row([`\`${method}\``, ...sweep.sizes.map((s) => {
      const cell = sweepCell(sweep, method, s.id);
      return cell ? pct(cell.result.summary.accuracy) : '–';
    })]));
  }
  out.push('');
  if (sweep.teachers.length > 0) {
    out.push(`Teachers (the Pareto charts' reference lines): ${sweep.teachers.map((t) => `\`${t.id}\` (view ${t.view}) ${pct(t.summary.accuracy)} %`).join(', ')}.`, '');
  }
  out.push('### Deployment cost per size (the Pareto charts\' x axes)', '');
  if (!sweep.sizes.some((s) => s.footprint) && !sweep.teacherFootprint) {
    out.push('This report holds no footprints (`report.footprints`): sizes, MACs and latency were not measured, so there is no Pareto chart.', '');
    return out;
  }
  out.push(row(['Net', 'Params', 'MACs', 'fp32 file', 'int8 file', 'Latency p50']), row(['---', '---:', '---:', '---:', '---:', '---:']));
  for (const s of sweep.sizes) {
    const f = s.footprint;
    out.push(row([`\`${s.id}\``, f ? count(f.params) : paramsLabel(s), f ? count(f.macs) : '–', f ? fileSize(f.fp32Bytes) : '–', f?.int8Bytes !== undefined ? fileSize(f.int8Bytes) : '–', latency(f)]));
  }
  const t = sweep.teacherFootprint;
  if (t) out.push(row([`\`${t.id}\` (teacher, fp32)`, count(t.params), count(t.macs), fileSize(t.fp32Bytes), '–', latency(t)]));
  out.push('');
  for (const axis of PARETO_AXES) {
    const { missing } = paretoPoints(sweep, axis);
    if (missing.length > 0) out.push(`- Not on the ${axis.title} chart (not measured): ${missing.map((m) => `\`${m}\``).join(', ')}.`);
  }
  if (out[out.length - 1] !== '') out.push('');
  return out;
}
