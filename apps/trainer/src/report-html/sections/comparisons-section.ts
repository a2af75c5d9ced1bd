/**
 * @module The paired comparisons: every student against the CE-only student of its size on the
 * same (repeat, fold) splits — a table per size, the verdicts in their own words, and a chart of
 * each Δ with its corrected interval.
 */
import {
  comparisonGroups,
  confidencePercent,
  NO_DIFFERENCE,
  pairingSentence,
  pointsInterval,
  pValueText,
  signedPoints,
  tooFewPairs,
  verdictSentence,
  verdictTally,
  type ComparisonGroup,
} from '@painkd/distill';
import { pairedDifferenceSpec, type PairedDifferenceRow } from '../charts/paired-difference-chart.js';
import { escapeHtml } from '../escape-html.js';
import { finiteOr } from '../format.js';
import { note, section, table, type ChartContext } from '../html.js';
import type { ReportView } from '../report-view.js';

function finitePoints(v: unknown): number | undefined {
  const x = finiteOr(v, Number.NaN);
  return Number.isFinite(x) ? 100 * x : undefined;
}

function chartRows(groups: readonly ComparisonGroup[]): PairedDifferenceRow[] {
  return groups.flatMap((g) =>
    g.rows.flatMap((r) => {
      const p = r.comparison.paired;
      const mean = finitePoints(p.meanDifference);
      if (mean === undefined) return [];
      const lower = finitePoints(p.corrected.ci.lower);
      const upper = finitePoints(p.corrected.ci.upper);
      return [{ label: g.size === undefined ? r.method : `${r.method} · ${g.size}`, mean, ...(lower === undefined ? {} : { lower }), ...(upper === undefined ? {} : { upper }), verdict: p.verdict }];
    }),
  );
}

function groupHtml(g: ComparisonGroup, level: string): string {
  const rows = g.rows.map((r) => {
    const p = r.comparison.paired;
    return [r.method, signedPoints(p.meanDifference), pointsInterval(p.corrected.ci), pValueText(p.wilcoxon.pValue), pValueText(p.signFlip.pValue), String(p.n), p.verdict];
  });
  const heading = g.size === undefined ? '' : `<h3>Size ${escapeHtml(g.size)}</h3>`;
  const small = g.rows.filter((r) => r.comparison.paired.verdict === NO_DIFFERENCE && tooFewPairs(r.comparison.paired));
  const reasons = [...new Set(small.map((r) => r.comparison.paired.reason))].map((reason) => {
    const ids = small.filter((r) => r.comparison.paired.reason === reason).map((r) => r.method);
    return note('comparisons-n', `No detectable difference for ${ids.join(', ')}: ${reason}.`);
  });
  return (
    heading +
    table('comparisons', ['method', 'Δ accuracy (points)', `${level} CI (corrected)`, 'Wilcoxon p', 'sign-flip p', 'pairs', 'verdict'], rows) +
    reasons.join('')
  );
}

/**
 * Renders the comparison section, or '' when the report has no comparisons.
 *
 * @example
 * ```ts
 * const html = await comparisonsSection(reportView(report), createChartContext());
 * ```
 */
export async function comparisonsSection(view: ReportView, ctx: ChartContext): Promise<string> {
  const groups = comparisonGroups(view.report);
  const all = view.report.comparisons ?? [];
  if (groups.length === 0) return '';
  const alpha = finiteOr(all[0]?.paired.alpha, 0.05);
  const level = `${confidencePercent(alpha)} %`;
  const tally = verdictSentence(verdictTally(all));
  const rows = chartRows(groups);
  const chart =
    rows.length === 0
      ? ''
      : await ctx.chart('paired-differences', pairedDifferenceSpec(rows, level), 'Δ accuracy vs the CE-only student', 'dot = mean paired difference, line = corrected interval, dashed = no difference');
  return section(
    'comparisons',
    'Distillation vs CE-only, paired',
    pairingSentence(alpha),
    `<p class="verdicts" data-verdicts="${escapeHtml(tally)}"><b>${escapeHtml(tally.charAt(0).toUpperCase() + tally.slice(1))}.</b></p>` +
      groups.map((g) => groupHtml(g, level)).join('') +
      chart,
  );
}
