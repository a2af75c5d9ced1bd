import { describe, expect, it } from 'vitest';
import { createChartContext, localIds, note, section, table } from './html.js';

describe('html builders', () => {
  it('escape every text cell, heading and note', () => {
    expect(table('t<', ['<h>'], [['<c>']], new Set([0]))).toBe(
      '<div class="table-wrap"><table data-table="t&lt;"><thead><tr><th scope="col">&lt;h&gt;</th></tr></thead>' +
        '<tbody><tr class="best"><td>&lt;c&gt;</td></tr></tbody></table></div>',
    );
    expect(note('n', '<x>')).toBe('<p class="note" data-note="n">&lt;x&gt;</p>');
    expect(section('s', '<h>', '', 'BODY')).toBe('<section data-section="s" id="s"><h2>&lt;h&gt;</h2>BODY</section>');
  });

  it('renumbers Vega ids per chart so pages are reproducible and ids unique', () => {
    const svg = '<clipPath id="clip41"/><g clip-path="url(#clip41)"/><clipPath id="clip7"/><linearGradient id="gradient_3"/><rect fill="url(#gradient_3)"/>';
    expect(localIds(svg, 'c2-')).toBe(
      '<clipPath id="c2-clip0"/><g clip-path="url(#c2-clip0)"/><clipPath id="c2-clip1"/><linearGradient id="c2-gradient_2"/><rect fill="url(#c2-gradient_2)"/>',
    );
  });

  it('wraps a rendered chart in a marked figure with its caption and extra data attributes', async () => {
    const ctx = createChartContext();
    const html = await ctx.chart(
      'demo',
      { data: { values: [{ a: 1 }, { a: 2 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } },
      'Demo',
      'two <points>',
      { method: 'x"y' },
    );
    expect(html).toMatch(/^<figure class="chart" data-chart="demo" data-method="x&quot;y"><figcaption><b>Demo<\/b> — two &lt;points&gt;<\/figcaption><svg /);
    expect(html).toContain('class="mark-symbol role-mark');
    expect(ctx.warnings).toEqual([]);
  });
});
