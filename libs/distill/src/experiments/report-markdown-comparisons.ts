/**
 * @module The paired-comparison part of `report.md`: every student against the CE-only student
 * of its size, one table per size, verdicts in their own words.
 */
import { pointsInterval, pValueText, row, signedPoints } from './markdown-format.js';
import { comparisonGroups, confidencePercent, NO_DIFFERENCE, pairingSentence, tooFewPairs, verdictSentence, verdictTally } from './report-comparisons.js';
import type { ExperimentReport } from './report-types.js';

/**
 * The comparison section as Markdown lines; empty when the report has no comparisons.
 *
 * @example
 * out.push(...comparisonsMarkdown(report));
 */
export function comparisonsMarkdown(report: ExperimentReport): string[] {
  const groups = comparisonGroups(report);
  const all = report.comparisons ?? [];
  if (groups.length === 0) return [];
  const alpha = all[0]?.paired.alpha ?? 0.05;
  const level = confidencePercent(alpha);
  const out: string[] = ['## Paired comparison with the CE-only student', '', pairingSentence(alpha), ''];
  out.push(`**${capitalise(verdictSentence(verdictTally(all)))}.**`, '');
  for (const g of groups) {
    if (g.size !== undefined) out.push(`### Size \`${g.size}\``, '');
    out.push(
      row(['Method', 'Δ accuracy (pts)', `${level} % CI (corrected)`, 'Wilcoxon p', 'Sign-flip p', 'Pairs', 'Verdict']),
      row(['---', '---:', '---:', '---:', '---:', '---:', '---']),
    );
    for (const r of g.rows) {
      const p = r.comparison.paired;
      out.push(row([`\`${r.method}\``, signedPoints(p.meanDifference), pointsInterval(p.corrected.ci), pValueText(p.wilcoxon.pValue), pValueText(p.signFlip.pValue), String(p.n), p.verdict]));
    }
    const reasons = [...new Set(g.rows.filter((r) => r.comparison.paired.verdict === NO_DIFFERENCE && tooFewPairs(r.comparison.paired)).map((r) => r.comparison.paired.reason))];
    for (const reason of reasons) {
      const ids = g.rows.filter((r) => r.comparison.paired.reason === reason).map((r) => `\`${r.method}\``);
      out.push('', `No detectable difference for ${ids.join(', ')}: ${reason}.`);
    }
    out.push('');
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
