/**
 * @module Reads `bench/latency.json` loosely. The benchmark's format may grow, so this accepts
 * the common spellings of each field, keeps every row it can validate, counts the rest, and
 * never throws: a missing or unreadable file becomes a note in the report.
 */

/** One latency measurement: a model on a runtime at a batch size. Times in microseconds. */
export interface LatencyRow {
  readonly model: string;
  readonly runtime: string;
  readonly batch: number;
  readonly p50Us: number;
  readonly p99Us: number | undefined;
}

/** A model file's size (and, when reported, parameters and multiply-accumulates per window). */
export interface ModelSize {
  readonly model: string;
  readonly bytes: number;
  readonly params: number | undefined;
  readonly macs: number | undefined;
}

/** What the report knows about latency. */
export type LatencyState =
  | { readonly kind: 'absent'; readonly reason: string }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | {
      readonly kind: 'ok';
      readonly rows: readonly LatencyRow[];
      readonly sizes: readonly ModelSize[];
      /** Entries that looked like rows but lacked a model, runtime or a positive p50. */
      readonly skipped: number;
      /** Who measured, when the file says (the run itself or the benchmark). */
      readonly source: string | undefined;
    };

type Obj = Readonly<Record<string, unknown>>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickString(o: Obj, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function pickNumber(o: Obj, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

const MODEL_KEYS = ['model', 'name', 'net', 'variant', 'modelName'];
const PRECISION_KEYS = ['precision', 'dtype', 'quant', 'format'];
const RUNTIME_KEYS = ['runtime', 'backend', 'engine', 'provider'];
const BATCH_KEYS = ['batch', 'batchSize', 'batch_size'];
const SIZE_KEYS = ['sizeBytes', 'fileBytes', 'bytes', 'size_bytes', 'fileSize', 'size'];
const PARAM_KEYS = ['params', 'parameters', 'paramCount'];
const MAC_KEYS = ['macs', 'macsPerWindow', 'mac', 'multiplyAccumulates'];

/** Finds a percentile in µs under any of its usual spellings, converting ms and ns. */
function percentileUs(o: Obj, p: 'p50' | 'p99'): number | undefined {
  const us = pickNumber(o, [`${p}Us`, `${p}_us`, `${p}Micros`, `${p}Micro`, p]);
  if (us !== undefined) return us;
  const ms = pickNumber(o, [`${p}Ms`, `${p}_ms`]);
  if (ms !== undefined) return ms * 1000;
  const ns = pickNumber(o, [`${p}Ns`, `${p}_ns`]);
  if (ns !== undefined) return ns / 1000;
  for (const nested of ['latencyUs', 'us', 'latency', 'stats']) {
    const inner = o[nested];
    if (isObj(inner)) {
      const v = pickNumber(inner, nested === 'latencyUs' || nested === 'us' ? [p, `${p}Us`] : [`${p}Us`, `${p}_us`]);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

function modelName(o: Obj): string | undefined {
  const model = pickString(o, MODEL_KEYS);
  if (model === undefined) return undefined;
  const precision = pickString(o, PRECISION_KEYS);
  return precision !== undefined && !model.toLowerCase().includes(precision.toLowerCase())
    ? `${model} ${precision}`
    : model;
}

function rowEntries(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObj(value)) return [];
  for (const k of ['rows', 'results', 'runs', 'measurements', 'latency', 'entries']) {
    const v = value[k];
    if (Array.isArray(v)) return v;
  }
  return [];
}

function sizeEntries(value: unknown): ModelSize[] {
  if (!isObj(value)) return [];
  for (const k of ['models', 'files', 'sizes']) {
    const v = value[k];
    if (Array.isArray(v)) {
      return v.flatMap((e) => {
        if (!isObj(e)) return [];
        const model = modelName(e);
        const size = pickNumber(e, SIZE_KEYS);
        if (model === undefined || size === undefined || size <= 0) return [];
        return [{ model, bytes: size, params: pickNumber(e, PARAM_KEYS), macs: pickNumber(e, MAC_KEYS) }];
      });
    }
    if (isObj(v)) {
      return Object.entries(v).flatMap(([model, size]) =>
        typeof size === 'number' && Number.isFinite(size) && size > 0
          ? [{ model, bytes: size, params: undefined, macs: undefined }]
          : [],
      );
    }
  }
  return [];
}

/**
 * Validates whatever `bench/latency.json` holds and keeps what can be shown.
 *
 * Accepted: an array of rows, or an object with `rows` / `results` / `runs` / `measurements`;
 * each row names a model (`model` | `name` | `net`, plus optional `precision`), a runtime
 * (`runtime` | `backend`), an optional `batch` (default 1) and `p50Us` (or `p50_us`, `p50`
 * in µs, `p50Ms`, `p50Ns`, or `latencyUs.p50`), optionally `p99Us` and `sizeBytes`. Sizes may
 * also come from a top-level `models` / `files` / `sizes` list or name→bytes map.
 *
 * @param value - the parsed JSON, or `undefined` when there is none.
 * @example
 * ```ts
 * parseLatency({ rows: [{ model: 'student', precision: 'int8', runtime: 'onnxruntime-node', batch: 1, p50Us: 21 }] });
 * ```
 */
export function parseLatency(value: unknown): LatencyState {
  if (value === undefined) return { kind: 'absent', reason: 'no latency measurements were given' };
  const entries = rowEntries(value);
  const rows: LatencyRow[] = [];
  const sizes = new Map<string, ModelSize>();
  let skipped = 0;
  for (const e of entries) {
    if (!isObj(e)) {
      skipped += 1;
      continue;
    }
    const model = modelName(e);
    const runtime = pickString(e, RUNTIME_KEYS);
    const batch = pickNumber(e, BATCH_KEYS) ?? 1;
    const p50Us = percentileUs(e, 'p50');
    const p99 = percentileUs(e, 'p99');
    const size = pickNumber(e, SIZE_KEYS);
    if (model !== undefined && size !== undefined && size > 0 && !sizes.has(model)) {
      sizes.set(model, { model, bytes: size, params: pickNumber(e, PARAM_KEYS), macs: pickNumber(e, MAC_KEYS) });
    }
    if (model === undefined || runtime === undefined || p50Us === undefined || p50Us <= 0 || batch < 1) {
      skipped += 1;
      continue;
    }
    rows.push({ model, runtime, batch, p50Us, p99Us: p99 !== undefined && p99 >= p50Us ? p99 : undefined });
  }
  for (const s of sizeEntries(value)) if (!sizes.has(s.model)) sizes.set(s.model, s);
  if (rows.length === 0 && sizes.size === 0) {
    return {
      kind: 'unreadable',
      reason:
        entries.length === 0
          ? 'it holds no list of measurements (expected an array or an object with "rows")'
          : `none of its ${entries.length} entries has a model, a runtime and a positive p50`,
    };
  }
  const source = isObj(value) ? pickString(value, ['source']) : undefined;
  return { kind: 'ok', rows, sizes: [...sizes.values()], skipped, source };
}

/** A teacher-over-student speed-up on one runtime at one batch size. */
export interface SpeedUp {
  readonly runtime: string;
  readonly batch: number;
  readonly teacher: string;
  readonly student: string;
  readonly ratio: number;
}

/**
 * Teacher p50 divided by each student's p50, per runtime and batch size, where both were measured.
 *
 * @example
 * ```ts
 * speedUps(state.rows).find((s) => s.student.includes('int8'))?.ratio;
 * ```
 */
export function speedUps(rows: readonly LatencyRow[]): SpeedUp[] {
  const out: SpeedUp[] = [];
  for (const t of rows) {
    if (!/teacher/i.test(t.model)) continue;
    for (const s of rows) {
      if (!/student/i.test(s.model) || s.runtime !== t.runtime || s.batch !== t.batch) continue;
      out.push({ runtime: t.runtime, batch: t.batch, teacher: t.model, student: s.model, ratio: t.p50Us / s.p50Us });
    }
  }
  return out;
}
