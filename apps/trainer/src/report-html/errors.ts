/** @module Typed errors of the HTML report writer, each with a stable `code`. */

/** Stable codes of {@link ReportHtmlError}. */
export type ReportHtmlErrorCode =
  | 'REPORT_HTML_BAD_REPORT'
  | 'REPORT_HTML_CHART_FAILED'
  | 'REPORT_HTML_WRITE_FAILED';

/**
 * Raised when a report cannot be rendered or written as HTML.
 *
 * @example
 * ```ts
 * try { await writeReportHtml(report, 'artifacts'); }
 * catch (e) { if (e instanceof ReportHtmlError && e.code === 'REPORT_HTML_WRITE_FAILED') retry(); }
 * ```
 */
export class ReportHtmlError extends Error {
  override readonly name = 'ReportHtmlError';

  /**
   * @param code - stable machine-readable code.
   * @param message - human-readable explanation.
   * @param options - optional underlying cause.
   */
  constructor(
    readonly code: ReportHtmlErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
