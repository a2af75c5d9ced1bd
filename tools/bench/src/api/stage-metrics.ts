/**
 * @module Where the time goes: reads the edge API's Prometheus stage histograms before and after
 * a run and turns the difference into mean milliseconds per request for each stage.
 */

/** Mean ms per request by stage, plus ONNX run facts. */
export interface StageBreakdown {
  readonly requests: number;
  readonly parseMs: number;
  readonly resampleMs: number;
  readonly filterMs: number;
  /** Until predictions return, micro-batch waiting included. */
  readonly inferenceMs: number;
  /** Mean duration of one ONNX run. */
  readonly onnxRunMs: number;
  /** Mean windows per ONNX run. */
  readonly meanBatch: number;
  /** Mean server-side request latency (arrival to response start), ms. */
  readonly serverMs: number;
}

/** Sums and counts scraped from /metrics. */
export type Scrape = ReadonlyMap<string, number>;

/**
 * Scrapes `<url>/metrics` into series → value (sums and counts only).
 *
 * @example
 * const before = await scrape(edge.url);
 */
export async function scrape(url: string): Promise<Scrape> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\S+_(?:sum|count)(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) out.set(m[1] as string, Number(m[2]));
  }
  return out;
}

/**
 * The per-request stage means between two scrapes.
 *
 * @example
 * const stages = breakdown(before, await scrape(edge.url));
 */
export function breakdown(before: Scrape, after: Scrape): StageBreakdown {
  const d = (key: string): number => (after.get(key) ?? 0) - (before.get(key) ?? 0);
  const requests = d('edge_api_stage_duration_seconds_count{stage="parse"}');
  const per = (stage: string): number => (requests > 0 ? (d(`edge_api_stage_duration_seconds_sum{stage="${stage}"}`) / requests) * 1000 : Number.NaN);
  const runs = d('edge_api_inference_duration_seconds_count');
  const served = d('edge_api_request_duration_seconds_count{method="POST",route="/predict"}');
  return {
    requests,
    parseMs: per('parse'),
    resampleMs: per('resample'),
    filterMs: per('filter'),
    inferenceMs: per('inference'),
    onnxRunMs: runs > 0 ? (d('edge_api_inference_duration_seconds_sum') / runs) * 1000 : Number.NaN,
    meanBatch: runs > 0 ? d('edge_api_inference_batch_size_sum') / runs : Number.NaN,
    serverMs: served > 0 ? (d('edge_api_request_duration_seconds_sum{method="POST",route="/predict"}') / served) * 1000 : Number.NaN,
  };
}
