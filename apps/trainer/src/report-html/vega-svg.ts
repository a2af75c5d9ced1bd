/**
 * @module Renders a Vega-Lite spec to a static SVG string in Node, at report time, so the page
 * needs no script and no network to show its charts.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { logger, parse, View, Warn } from 'vega';
import { ReportHtmlError } from './errors.js';

/** A rendered chart: the SVG markup and any warnings Vega raised while rendering it. */
export interface RenderedSvg {
  readonly svg: string;
  readonly warnings: readonly string[];
}

/**
 * Compiles a Vega-Lite spec, runs it headless (`renderer: 'none'`) and serialises it to SVG.
 * Vega escapes all text it writes, so data strings are safe inside the SVG.
 *
 * @param spec - a Vega-Lite spec with inline data only (no URLs).
 * @param name - the chart's name, used in error messages.
 * @returns the SVG markup and Vega's warnings (empty for a well-formed chart).
 * @throws {@link ReportHtmlError} `REPORT_HTML_CHART_FAILED` when compiling or rendering fails.
 * @example
 * ```ts
 * const { svg } = await renderVegaLiteSvg({ mark: 'bar', data: { values: [{ a: 1 }] },
 *   encoding: { x: { field: 'a', type: 'quantitative' } } }, 'demo');
 * ```
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec, name: string): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const log = logger(Warn, undefined, (method, _level, args) => {
    if (method !== 'log') warnings.push(args.map(String).join(' '));
  });
  try {
    const vegaSpec = compile(spec, { logger: log }).spec;
    const view = new View(parse(vegaSpec), { renderer: 'none', logger: log, logLevel: Warn });
    const svg = await view.toSVG();
    view.finalize();
    return { svg, warnings };
  } catch (cause) {
    throw new ReportHtmlError('REPORT_HTML_CHART_FAILED', `chart "${name}" failed to render: ${String(cause)}`, {
      cause,
    });
  }
}
