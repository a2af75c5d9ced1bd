import { describe, expect, it } from 'vitest';
import { renderVegaLiteSvg } from '../vega-svg.js';
import { pairedDifferenceSpec } from './paired-difference-chart.js';

describe('pairedDifferenceSpec', () => {
  it('draws one dot per comparison, an interval where it is finite, and the zero line, warning-free', async () => {
    const spec = pairedDifferenceSpec(
      [
        { label: 'student-kd · xs', mean: 2.1, lower: -0.4, upper: 4.6, verdict: 'no detectable difference' },
        { label: 'student-kd · l', mean: 4.2, lower: 1.5, upper: 6.9, verdict: 'better' },
        { label: 'student-dkd · l', mean: -3, verdict: 'worse' },
      ],
      '95 %',
    );
    const { svg, warnings } = await renderVegaLiteSvg(spec, 'paired');
    expect(warnings).toEqual([]);
    expect(svg.match(/aria-roledescription="point"/g)).toHaveLength(3);
    expect(svg.match(/aria-roledescription="rule mark"/g)).toHaveLength(3);
    expect(svg).toContain('student-dkd · l');
    expect(svg).toContain('95 % corrected CI');
    expect(svg).toContain('no detectable difference');
  });
});
