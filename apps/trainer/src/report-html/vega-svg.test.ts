import { describe, expect, it } from 'vitest';
import { renderVegaLiteSvg } from './vega-svg.js';

describe('renderVegaLiteSvg', () => {
  it('renders a bar chart to an SVG with a viewBox and one bar per datum', async () => {
    const { svg, warnings } = await renderVegaLiteSvg(
      {
        width: 100,
        height: 50,
        data: { values: [{ k: 'a', v: 1 }, { k: 'b', v: 3 }] },
        mark: 'bar',
        encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } },
      },
      'bars',
    );
    expect(warnings).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(2);
  });

  it('collects Vega warnings instead of printing them', async () => {
    const { warnings } = await renderVegaLiteSvg(
      { data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' }, y: { type: 'quantitative' } } },
      'warn',
    );
    expect(warnings).toEqual([expect.stringContaining('Dropping')]);
  });

  it('raises REPORT_HTML_CHART_FAILED naming the chart when the spec cannot compile', async () => {
    await expect(
      renderVegaLiteSvg({ data: { values: [] }, mark: 'nonsense' } as never, 'broken'),
    ).rejects.toMatchObject({ code: 'REPORT_HTML_CHART_FAILED', message: expect.stringContaining('chart "broken"') });
  });
});
