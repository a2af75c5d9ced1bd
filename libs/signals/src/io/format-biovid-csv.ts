/**
 * @module Writes BioVid `_bio.csv` bytes (tab-separated, header, time in integer microseconds,
 * channels in fixed-point decimals) straight into a byte buffer — no per-cell strings.
 */
import { SignalsError } from '../errors.js';
import { CHANNEL_NAMES, type BiovidChannels, type ChannelName } from './biovid-format.js';

/** The samples `formatBiovidCsv` writes. */
export interface BiovidCsvContent {
  /** Time stamps in microseconds (written rounded to integers, as BioVid does). */
  readonly timeUs: Float64Array;
  /** Channels to write, each as long as `timeUs`; written in `BIOVID_COLUMNS` order. */
  readonly channels: BiovidChannels;
}

/** Options of `formatBiovidCsv`. */
export interface FormatBiovidCsvOptions {
  /** Decimals written for every channel value (0–9); default 6. */
  readonly decimals?: number;
  /** Line end; default `'\n'`. */
  readonly newline?: '\n' | '\r\n';
}

const MAX_CELL_BYTES = 32;

/**
 * Formats one recording as BioVid text bytes (UTF-8/ASCII). Each value is rounded to `decimals`
 * places, so reading it back gives the value to within half a unit in the last place (plus
 * float32 rounding). Non-finite values are written as `NaN`, `Inf` or `-Inf`.
 *
 * @example
 * const bytes = formatBiovidCsv({ timeUs, channels: { gsr, ecg } });
 * // "time\tgsr\tecg\n0\t6.966839\t-0.012000\n1953\t…"
 */
export function formatBiovidCsv(content: BiovidCsvContent, options: FormatBiovidCsvOptions = {}): Uint8Array {
  const decimals = options.decimals ?? 6;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 9) {
    throw new SignalsError('SIGNAL_INVALID_ARGUMENT', `decimals must be an integer 0–9, got ${decimals}`);
  }
  const names: ChannelName[] = CHANNEL_NAMES.filter((name) => content.channels[name] !== undefined);
  const columns = names.map((name) => content.channels[name] as Float32Array);
  const rows = content.timeUs.length;
  for (const [i, values] of columns.entries()) {
    if (values.length !== rows) {
      throw new SignalsError('SIGNAL_INVALID_ARGUMENT', `channel ${names[i]} has ${values.length} samples, time has ${rows}`);
    }
  }
  const newline = options.newline ?? '\n';
  const header = new TextEncoder().encode(['time', ...names].join('\t') + newline);
  const out = new Uint8Array(header.length + rows * (columns.length + 1) * MAX_CELL_BYTES);
  out.set(header, 0);
  let pos = header.length;
  const scale = 10 ** decimals;
  const crlf = newline === '\r\n';
  for (let r = 0; r < rows; r++) {
    pos = writeFixed(out, pos, Math.round(content.timeUs[r]), 0, 1);
    for (let c = 0; c < columns.length; c++) {
      out[pos++] = 9;
      pos = writeFixed(out, pos, columns[c][r], decimals, scale);
    }
    if (crlf) out[pos++] = 13;
    out[pos++] = 10;
  }
  return out.subarray(0, pos);
}

const NAN = [78, 97, 78];
const INF = [73, 110, 102];
const INT32_LIMIT = 2 ** 31;
const digitScratch = new Uint8Array(24);
/** ASCII of "00" … "99", two bytes per pair. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + Math.floor(i / 10);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

function writeFixed(out: Uint8Array, start: number, value: number, decimals: number, scale: number): number {
  let pos = start;
  if (!Number.isFinite(value)) {
    if (value < 0) out[pos++] = 45;
    for (const c of Number.isNaN(value) ? NAN : INF) out[pos++] = c;
    return pos;
  }
  const scaled = Math.round(Math.abs(value) * scale);
  if (value < 0 && scaled !== 0) out[pos++] = 45;
  let count = 0;
  if (scaled < INT32_LIMIT) {
    let rest = scaled | 0;
    let written = 0;
    while (written + 2 <= decimals || (written >= decimals + 1 && rest >= 10)) {
      const q = (rest / 100) | 0;
      const pair = (rest - q * 100) << 1;
      digitScratch[count++] = PAIRS[pair + 1];
      digitScratch[count++] = PAIRS[pair];
      rest = q;
      written += 2;
    }
    do {
      if (written === decimals && decimals > 0) digitScratch[count++] = 46;
      const q = (rest / 10) | 0;
      digitScratch[count++] = 48 + (rest - q * 10);
      rest = q;
      written++;
    } while (rest > 0 || written <= decimals);
  } else {
    let rest = scaled;
    for (let d = 0; d < decimals; d++) {
      const q = Math.floor(rest / 10);
      digitScratch[count++] = 48 + (rest - q * 10);
      rest = q;
    }
    if (decimals > 0) digitScratch[count++] = 46;
    do {
      const q = Math.floor(rest / 10);
      digitScratch[count++] = 48 + (rest - q * 10);
      rest = q;
    } while (rest > 0);
  }
  while (count > 0) out[pos++] = digitScratch[--count];
  return pos;
}
