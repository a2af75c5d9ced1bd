import { describe, expect, it } from 'vitest';
import { renderVegaLiteSvg } from '../vega-svg.js';
import { paretoSpec } from './pareto-chart.js';

const colors = { domain: ['student-ce', 'student-kd'], range: ['#6b7280', '#4c78a8'] };
const points = [
  { method: 'student-ce', size: 'xs', x: 2_000, accuracy: { mean: 0.7, sd: 0.05 } },
  { method: 'student-ce', size: 'l', x: 40_000, accuracy: { mean: 0.78, sd: 0.3 } },
  { method: 'student-kd', size: 'xs', x: 2_000, accuracy: { mean: 0.72, sd: 0.04 } },
  { method: 'student-kd', size: 'l', x: 40_000, accuracy: { mean: 0.83, sd: 0.03 } },
];

describe('paretoSpec', () => {
  it('draws a log x axis, clamped whiskers, a line per method and labelled teacher lines, warning-free', async () => {
    const spec = paretoSpec({ xTitle: 'MACs', points, references: [{ label: 'teacher (lab) 0.897', value: 0.897 }, { label: 'teacher-gsr 0.861', value: 0.861 }], colors });
    const json = JSON.stringify(spec);
    expect(json).toContain('"type":"log"');
    expect(json).toContain('"hi":1');
    const { svg, warnings } = await renderVegaLiteSvg(spec, 'pareto');
    expect(warnings).toEqual([]);
    expect(svg).toContain('teacher (lab) 0.897');
    expect(svg).toContain('teacher-gsr 0.861');
    expect(svg.match(/aria-roledescription="line mark"/g)).toHaveLength(2);
    expect(svg).toMatch(/<text[^>]*>xs<\/text>/);
    expect(svg).toMatch(/<text[^>]*>l<\/text>/);
  });

  it('renders without teachers', async () => {
    const { svg, warnings } = await renderVegaLiteSvg(paretoSpec({ xTitle: 'MACs', points, references: [], colors }), 'pareto');
    expect(warnings).toEqual([]);
    expect(svg).toContain('line mark');
  });
});
