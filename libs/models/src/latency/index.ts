/** @module Public exports of latency measurement: the timing loop and the runners of every runtime. */
export { measureLatency, percentile, type LatencyStats, type MeasureOptions } from './measure-latency.js';
export { LATENCY_RUNTIMES, prepareRunner, type LatencyRuntime, type LatencyTarget, type PreparedRunner } from './latency-runners.js';
