/**
 * @module A fast, pure parser for BioVid `_bio.csv` text: tab-separated, a header line, then one
 * row per sample. It walks the bytes once with char codes (no split, no parseFloat per cell) and
 * never converts the columns nobody asked for.
 */
import { SignalsError, type SignalsErrorCode } from '../errors.js';
import {
  BIOVID_COLUMNS,
  BIOVID_WINDOW_ROWS,
  CHANNEL_NAMES,
  type BiovidChannels,
  type BiovidColumn,
  type ChannelName,
} from './biovid-format.js';

/** Options of `parseBiovidCsv`. */
export interface ParseBiovidCsvOptions {
  /** Name used in error messages (`file:line: …`); default `<input>`. */
  readonly file?: string;
  /** Channels to convert; default all five. Other columns are skipped without conversion. */
  readonly channels?: readonly ChannelName[];
  /**
   * Fewest data rows a complete file has; fewer is `BIOVID_TRUNCATED`. Default
   * `BIOVID_WINDOW_ROWS` (2,816 = 5.5 s at 512 Hz); `'any'` accepts any count of 2 or more.
   */
  readonly expectedRows?: number | 'any';
}

/** What `parseBiovidCsv` returns: the time axis, the inferred rate and the requested channels. */
export interface ParsedBiovidCsv {
  /** Sampling rate in Hz from the time stamps (rounded to an integer when within 0.1% of one). */
  readonly sampleRate: number;
  /** Time stamps in microseconds. */
  readonly timeUs: Float64Array;
  /** The requested channels. */
  readonly channels: BiovidChannels;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const MAX_EXACT_DIGITS = 15;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** End position of the last `scanNumber` call. */
let scanEnd = 0;
/** 0: a number; 1: not a number; 2: an empty cell; 3: a NaN/Inf word. */
let scanStatus = 0;

/**
 * Parses one BioVid recording from its text (or its UTF-8 bytes, which skips a decode).
 *
 * Rules: the header names columns from `BIOVID_COLUMNS` in any order, without duplicates; it must
 * hold `time` and every requested channel. CRLF and LF line ends, a UTF-8 BOM and trailing blank
 * lines are accepted. A channel cell may be `NaN`/`Inf` (missing value, for preprocessing to
 * fill); a time cell may not. Errors are `SignalsError`s naming `file:line`:
 * `BIOVID_EMPTY_FILE` (nothing but whitespace), `BIOVID_BAD_HEADER` (unknown, duplicate or
 * missing column), `BIOVID_BAD_ROW` (a cell that is not a number, a blank line inside the data),
 * `BIOVID_RAGGED_ROW` (a row with fewer or more cells than the header), `BIOVID_BAD_TIME` (time
 * not a finite number or not increasing), `BIOVID_TRUNCATED` (the last line has fewer cells than
 * the header and no final newline — the file was cut mid-row —, or fewer data rows than
 * `expectedRows`, or fewer than 2). Columns that are skipped are checked for their cell count
 * only, not their contents.
 *
 * @example
 * const { sampleRate, timeUs, channels } = parseBiovidCsv(text, { file: 'a_bio.csv', channels: ['gsr'] });
 * // sampleRate === 512, channels.gsr is a Float32Array as long as timeUs
 */
export function parseBiovidCsv(input: string | Uint8Array, options: ParseBiovidCsvOptions = {}): ParsedBiovidCsv {
  const file = options.file ?? '<input>';
  const wanted = options.channels ?? CHANNEL_NAMES;
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const n = bytes.length;
  let pos = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (isBlank(bytes, pos, n)) throw fail('BIOVID_EMPTY_FILE', file, 1, 'the file is empty');

  const headerEnd = lineEnd(bytes, pos, n);
  const names = decoder
    .decode(bytes.subarray(pos, headerEnd))
    .replace(/\r$/, '')
    .split('\t')
    .map((name) => name.trim());
  const columns = checkHeader(names, wanted, file);
  pos = headerEnd + 1;

  const capacity = countLines(bytes, pos, n);
  const timeUs = new Float64Array(capacity);
  const channels: BiovidChannels = {};
  const targets: Array<Float32Array | Float64Array | null> = columns.map((column) => {
    if (column === 'time') return timeUs;
    if (!wanted.includes(column)) return null;
    const target = new Float32Array(capacity);
    channels[column] = target;
    return target;
  });
  const timeColumn = columns.indexOf('time');
  const ncols = columns.length;

  let row = 0;
  let line = 2;
  while (pos < n) {
    const first = bytes[pos];
    if (first === LF || first === CR) {
      if (isBlank(bytes, pos, n)) break;
      throw fail('BIOVID_BAD_ROW', file, line, 'blank line inside the data');
    }
    for (let c = 0; c < ncols; c++) {
      const target = targets[c];
      if (target === null) {
        while (pos < n) {
          const b = bytes[pos];
          if (b === TAB || b === LF || b === CR) break;
          pos++;
        }
      } else {
        const value = scanNumber(bytes, pos, n);
        if (scanStatus !== 0) rejectCell(bytes, pos, n, c === timeColumn, c, file, line);
        if (c === timeColumn && row > 0 && !(value > timeUs[row - 1])) {
          throw fail('BIOVID_BAD_TIME', file, line, `time ${value} does not increase (previous ${timeUs[row - 1]})`);
        }
        target[row] = value;
        pos = scanEnd;
      }
      const b = pos < n ? bytes[pos] : -1;
      if (c < ncols - 1) {
        if (b === TAB) {
          pos++;
          continue;
        }
        if (b === -1) {
          throw fail('BIOVID_TRUNCATED', file, line, `last line cut mid-row: ${c + 1} of ${ncols} cells and no final newline`);
        }
        throw fail('BIOVID_RAGGED_ROW', file, line, `row has ${c + 1} cells, the header has ${ncols}`);
      }
      if (b === TAB) throw fail('BIOVID_RAGGED_ROW', file, line, `row has more than ${ncols} cells, the header has ${ncols}`);
      if (b === CR) pos++;
      if (pos < n) {
        if (bytes[pos] !== LF) throw fail('BIOVID_BAD_ROW', file, line, 'carriage return not followed by a line feed');
        pos++;
      }
    }
    row++;
    line++;
  }

  const expected = options.expectedRows ?? BIOVID_WINDOW_ROWS;
  const minimum = expected === 'any' ? 2 : Math.max(2, expected);
  if (row < minimum) {
    throw fail('BIOVID_TRUNCATED', file, row + 2, `expected at least ${minimum} data rows, found ${row}`);
  }
  return {
    sampleRate: inferSampleRate(timeUs, row),
    timeUs: row === capacity ? timeUs : timeUs.slice(0, row),
    channels: row === capacity ? channels : trimChannels(channels, row),
  };
}

function checkHeader(names: readonly string[], wanted: readonly ChannelName[], file: string): BiovidColumn[] {
  const known = BIOVID_COLUMNS as readonly string[];
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.includes(name)) {
      throw fail('BIOVID_BAD_HEADER', file, 1, `unknown column "${name}" (expected ${BIOVID_COLUMNS.join(', ')})`);
    }
    if (seen.has(name)) throw fail('BIOVID_BAD_HEADER', file, 1, `duplicate column "${name}"`);
    seen.add(name);
  }
  for (const required of ['time', ...wanted]) {
    if (!seen.has(required)) throw fail('BIOVID_BAD_HEADER', file, 1, `missing column "${required}"`);
  }
  return names as BiovidColumn[];
}

function rejectCell(bytes: Uint8Array, pos: number, n: number, isTime: boolean, column: number, file: string, line: number): void {
  const text = cellText(bytes, pos, n);
  if (scanStatus === 3) {
    if (isTime) throw fail('BIOVID_BAD_TIME', file, line, `time is not a finite number: "${text}"`);
    return;
  }
  if (scanStatus === 2 && pos >= n) {
    throw fail('BIOVID_TRUNCATED', file, line, `last line cut mid-row: cell ${column + 1} is empty and there is no final newline`);
  }
  const what = scanStatus === 2 ? 'is empty' : `is not a number: "${text}"`;
  throw fail(isTime ? 'BIOVID_BAD_TIME' : 'BIOVID_BAD_ROW', file, line, `cell ${column + 1} ${what}`);
}

/** Reads a decimal number at `pos`; sets `scanEnd` and `scanStatus`. */
function scanNumber(b: Uint8Array, start: number, n: number): number {
  let pos = start;
  let c = pos < n ? b[pos] : -1;
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    c = ++pos < n ? b[pos] : -1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  while (c >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    digits++;
    c = ++pos < n ? b[pos] : -1;
  }
  if (c === 46) {
    c = ++pos < n ? b[pos] : -1;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      fraction++;
      c = ++pos < n ? b[pos] : -1;
    }
  }
  if (digits === 0) return scanWord(b, start, n);
  let exponent = 0;
  if (c === 101 || c === 69) {
    c = ++pos < n ? b[pos] : -1;
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      c = ++pos < n ? b[pos] : -1;
    }
    let expDigits = 0;
    while (c >= 48 && c <= 57) {
      exponent = exponent * 10 + (c - 48);
      expDigits++;
      c = ++pos < n ? b[pos] : -1;
    }
    if (expDigits === 0) return invalid(b, pos, n);
    if (expNegative) exponent = -exponent;
  }
  if (c !== TAB && c !== LF && c !== CR && c !== -1) return invalid(b, pos, n);
  scanEnd = pos;
  scanStatus = 0;
  const scale = exponent - fraction;
  let value: number;
  if (digits > MAX_EXACT_DIGITS || scale > 22 || scale < -22) {
    value = Number(decoder.decode(b.subarray(start, pos)));
    return value;
  }
  value = scale === 0 ? mantissa : scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  return negative ? -value : value;
}

function scanWord(b: Uint8Array, start: number, n: number): number {
  scanEnd = cellEnd(b, start, n);
  if (scanEnd === start) {
    scanStatus = 2;
    return Number.NaN;
  }
  const word = decoder.decode(b.subarray(start, scanEnd)).toLowerCase();
  if (word === 'nan' || word === '+nan' || word === '-nan') {
    scanStatus = 3;
    return Number.NaN;
  }
  if (word === 'inf' || word === 'infinity' || word === '+inf' || word === '+infinity') {
    scanStatus = 3;
    return Number.POSITIVE_INFINITY;
  }
  if (word === '-inf' || word === '-infinity') {
    scanStatus = 3;
    return Number.NEGATIVE_INFINITY;
  }
  scanStatus = 1;
  return Number.NaN;
}

function invalid(b: Uint8Array, pos: number, n: number): number {
  scanEnd = cellEnd(b, pos, n);
  scanStatus = 1;
  return Number.NaN;
}

function cellEnd(b: Uint8Array, start: number, n: number): number {
  let end = start;
  while (end < n && b[end] !== TAB && b[end] !== LF && b[end] !== CR) end++;
  return end;
}

function cellText(b: Uint8Array, start: number, n: number): string {
  const text = decoder.decode(b.subarray(start, cellEnd(b, start, n)));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function lineEnd(b: Uint8Array, pos: number, n: number): number {
  const at = b.indexOf(LF, pos);
  return at === -1 ? n : at;
}

function countLines(b: Uint8Array, pos: number, n: number): number {
  let count = 0;
  let at = pos;
  while (at < n) {
    const next = b.indexOf(LF, at);
    count++;
    if (next === -1) break;
    at = next + 1;
  }
  return count;
}

function isBlank(b: Uint8Array, pos: number, n: number): boolean {
  for (let i = pos; i < n; i++) {
    const c = b[i];
    if (c !== LF && c !== CR && c !== TAB && c !== 32) return false;
  }
  return true;
}

function inferSampleRate(timeUs: Float64Array, rows: number): number {
  const rate = (1e6 * (rows - 1)) / (timeUs[rows - 1] - timeUs[0]);
  const rounded = Math.round(rate);
  return Math.abs(rate - rounded) <= 1e-3 * rounded ? rounded : rate;
}

function trimChannels(channels: BiovidChannels, rows: number): BiovidChannels {
  const out: BiovidChannels = {};
  for (const name of CHANNEL_NAMES) {
    const values = channels[name];
    if (values !== undefined) out[name] = values.slice(0, rows);
  }
  return out;
}

function fail(code: SignalsErrorCode, file: string, line: number, message: string): SignalsError {
  return new SignalsError(code, message, { file, line });
}
