/**
 * @module @painkd/distill/testing — fixtures other projects' tests share with this library's: the
 * privileged run's view summaries (five lab channels, lab GSR, GSR through the simulated wrist).
 * Test code only; the product never imports it.
 *
 * @example
 * ```ts
 * import { PRIVILEGED_VIEWS } from '@painkd/distill/testing';
 * const wrist = PRIVILEGED_VIEWS.find((v) => v.wearable);
 * ```
 */
export { PRIVILEGED_VIEWS } from './sample-report.js';
