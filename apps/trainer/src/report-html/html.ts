/**
 * @module Small HTML builders shared by the report's sections. Every string they receive is
 * treated as text and escaped; only SVG from Vega (which escapes its own text) is inserted raw.
 */
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape-html.js';
import { renderVegaLiteSvg } from './vega-svg.js';

/** Renders charts into `<figure data-chart=…>` blocks and collects Vega's warnings. */
export interface ChartContext {
  /**
   * Renders `spec` and wraps it in a figure marked `data-chart="<id>"`.
   *
   * @param id - the stable chart name the browser test looks for.
   * @param spec - the Vega-Lite spec.
   * @param title - bold caption text.
   * @param caption - explanatory caption text.
   * @param attrs - extra `data-*` attributes (names without the `data-` prefix).
   */
  chart(
    id: string,
    spec: TopLevelSpec,
    title: string,
    caption: string,
    attrs?: Readonly<Record<string, string>>,
  ): Promise<string>;
  /** Warnings raised so far, prefixed with the chart id. */
  readonly warnings: readonly string[];
}

/**
 * Renames the ids Vega numbers from a process-wide counter (`clip12`, `gradient_3`) to ids
 * numbered within the chart and prefixed per chart, so a page is byte-identical across runs and
 * ids stay unique among the page's SVGs.
 *
 * @example
 * ```ts
 * localIds('<clipPath id="clip40"/><g clip-path="url(#clip40)"/>', 'c1-'); // ids become c1-clip0
 * ```
 */
export function localIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  const rename = (name: string): string => {
    let next = renamed.get(name);
    if (next === undefined) {
      next = `${prefix}${name.replace(/\d+$/, '')}${renamed.size}`;
      renamed.set(name, next);
    }
    return next;
  };
  return svg
    .replace(/ id="((?:clip|gradient_)\d+)"/g, (_, name: string) => ` id="${rename(name)}"`)
    .replace(/url\(#((?:clip|gradient_)\d+)\)/g, (_, name: string) => `url(#${rename(name)})`);
}

/**
 * Creates a {@link ChartContext}.
 *
 * @example
 * ```ts
 * const ctx = createChartContext();
 * const figure = await ctx.chart('accuracy', spec, 'Accuracy', 'mean ± sd over folds');
 * ```
 */
export function createChartContext(): ChartContext {
  const warnings: string[] = [];
  let count = 0;
  return {
    warnings,
    async chart(id, spec, title, caption, attrs = {}) {
      const rendered = await renderVegaLiteSvg(spec, id);
      count += 1;
      const svg = localIds(rendered.svg, `c${count}-`);
      for (const w of rendered.warnings) warnings.push(`${id}: ${w}`);
      const extra = Object.entries(attrs)
        .map(([k, v]) => ` data-${k.replace(/[^a-z0-9-]/g, '')}="${escapeHtml(v)}"`)
        .join('');
      return (
        `<figure class="chart" data-chart="${escapeHtml(id)}"${extra}>` +
        `<figcaption><b>${escapeHtml(title)}</b>${caption === '' ? '' : ` — ${escapeHtml(caption)}`}</figcaption>` +
        `${svg}</figure>`
      );
    },
  };
}

/**
 * A highlighted note explaining why something is not shown, marked `data-note="<id>"`.
 *
 * @example
 * ```ts
 * note('latency', 'bench/latency.json not found.');
 * ```
 */
export function note(id: string, text: string): string {
  return `<p class="note" data-note="${escapeHtml(id)}">${escapeHtml(text)}</p>`;
}

/**
 * A scrollable table of text cells; `highlight` marks rows drawn in bold.
 *
 * @example
 * ```ts
 * table('methods', ['method', 'accuracy'], [['teacher', '0.421 ± 0.012']]);
 * ```
 */
export function table(
  id: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  highlight: ReadonlySet<number> = new Set(),
): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r, i) =>
        `<tr${highlight.has(i) ? ' class="best"' : ''}>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table data-table="${escapeHtml(id)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/**
 * A section with a heading and a lead paragraph, marked `data-section="<id>"`.
 *
 * @example
 * ```ts
 * section('data', 'The data', 'Windows per class and one trace per pain level.', body);
 * ```
 */
export function section(id: string, heading: string, lead: string, body: string): string {
  return (
    `<section data-section="${escapeHtml(id)}" id="${escapeHtml(id)}"><h2>${escapeHtml(heading)}</h2>` +
    `${lead === '' ? '' : `<p class="lead">${escapeHtml(lead)}</p>`}${body}</section>`
  );
}

/**
 * A responsive grid of figures (one column on a phone).
 *
 * @example
 * ```ts
 * grid([figureA, figureB]);
 * ```
 */
export function grid(items: readonly string[]): string {
  return `<div class="grid">${items.join('')}</div>`;
}
