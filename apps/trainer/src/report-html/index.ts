/** @module The self-contained HTML report (`report.html`): public entry points. */
export { ReportHtmlError, type ReportHtmlErrorCode } from './errors.js';
export { parseLatency, speedUps, type LatencyRow, type LatencyState, type ModelSize, type SpeedUp } from './latency.js';
export { buildReportPage, renderReportHtml, type RenderReportHtmlOptions, type ReportPage } from './render-report-html.js';
export { readLatencyFile, workspaceRoot, writeReportHtml, type WriteReportHtmlOptions } from './write-report-html.js';
