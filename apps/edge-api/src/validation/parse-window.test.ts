/** @module Tests of raw-window validation: bounds, paths, codes, missing samples and float32 overflow. */
import { describe, expect, it } from 'vitest';
import { caughtApiError } from '../../tests/support/caught.js';
import { ApiError } from '../errors/api-error.js';
import { checkWindowLength, parseFloat32Bytes, parseJsonRecording, parseSampleArray, parseSampleRateText, windowLengthBounds, type SampleArrayOptions } from './parse-window.js';

const spec = { windowSeconds: 5.5, toleranceSeconds: 0.5 };
const chunk: SampleArrayOptions = { max: 10, tooLong: 'CHUNK_TOO_LARGE', allowMissing: true };
const tensor: SampleArrayOptions = { max: 10, tooLong: 'BAD_REQUEST', allowMissing: false };

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    return error instanceof ApiError ? `${error.status} ${error.code} ${error.path}` : 'other';
  }
  return 'none';
}

describe('windowLengthBounds', () => {
  it('accepts windowSeconds ± tolerance at each rate', () => {
    expect(windowLengthBounds(512, spec)).toEqual({ min: 2560, max: 3072 });
    expect(windowLengthBounds(4, spec)).toEqual({ min: 20, max: 24 });
    expect(windowLengthBounds(1, spec)).toEqual({ min: 5, max: 6 });
  });
  it('reports too short and too long with the accepted range', () => {
    expect(codeOf(() => checkWindowLength(19, 4, spec, 'samples'))).toBe('400 INVALID_WINDOW_LENGTH samples');
    expect(codeOf(() => checkWindowLength(25, 4, spec, 'samples'))).toBe('400 INVALID_WINDOW_LENGTH samples');
    expect(codeOf(() => checkWindowLength(22, 4, spec, 'samples'))).toBe('none');
  });
});

describe('parseSampleArray', () => {
  it('converts numbers and names the first bad element', () => {
    expect(Array.from(parseSampleArray([1, 2.5], 's', chunk))).toEqual([1, 2.5]);
    expect(codeOf(() => parseSampleArray([1, '2'], 's', chunk))).toBe('400 INVALID_SAMPLES s[1]');
    expect(codeOf(() => parseSampleArray([], 's', chunk))).toBe('400 INVALID_SAMPLES s');
    expect(codeOf(() => parseSampleArray({}, 's', chunk))).toBe('400 INVALID_SAMPLES s');
  });
  it('says a number beyond float32 overflows, rather than calling it not finite', () => {
    expect(caughtApiError(() => parseSampleArray([1, 1e300], 's', chunk)).message).toBe('s[1] is 1e+300, which overflows float32 (largest finite magnitude 3.4e38)');
  });
  it('answers an oversized array with the caller’s code', () => {
    expect(codeOf(() => parseSampleArray(new Array(11).fill(1), 's', chunk))).toBe('413 CHUNK_TOO_LARGE s');
    expect(codeOf(() => parseSampleArray(new Array(11).fill(1), 's', tensor))).toBe('400 BAD_REQUEST s');
  });
  it('reads null as a missing sample only where allowed', () => {
    expect(Array.from(parseSampleArray([1, null, 3], 's', chunk))).toEqual([1, Number.NaN, 3]);
    expect(codeOf(() => parseSampleArray([1, null, 3], 's', tensor))).toBe('400 INVALID_SAMPLES s[1]');
  });
});

describe('parseFloat32Bytes and rates', () => {
  it('reads little-endian float32, NaN as missing, and rejects partial or infinite values', () => {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat32(0, 1.5, true);
    new DataView(bytes.buffer).setFloat32(4, -2, true);
    expect(Array.from(parseFloat32Bytes(bytes, 'body'))).toEqual([1.5, -2]);
    expect(codeOf(() => parseFloat32Bytes(new Uint8Array(6), 'body'))).toBe('400 INVALID_SAMPLES body');
    new DataView(bytes.buffer).setFloat32(4, Number.NaN, true);
    expect(Number.isNaN(parseFloat32Bytes(bytes, 'body')[1])).toBe(true);
    new DataView(bytes.buffer).setFloat32(4, Number.POSITIVE_INFINITY, true);
    expect(codeOf(() => parseFloat32Bytes(bytes, 'body'))).toBe('400 INVALID_SAMPLES body[1]');
  });
  it('parses rates within 1–1024 Hz only', () => {
    expect(parseSampleRateText('31.25', 'q')).toBe(31.25);
    for (const bad of [undefined, '', 'abc', '0', '1025', 'Infinity']) expect(codeOf(() => parseSampleRateText(bad, 'q'))).toBe('400 INVALID_SAMPLE_RATE q');
  });
  it('checks a recording object field by field, at any length', () => {
    expect(codeOf(() => parseJsonRecording(null, ''))).toBe('400 BAD_REQUEST ');
    expect(codeOf(() => parseJsonRecording({ samples: new Array(22).fill(1) }, 'w'))).toBe('400 INVALID_SAMPLE_RATE w.sampleRate');
    expect(parseJsonRecording({ samples: new Array(400).fill(1), sampleRate: 4 }, '').samples).toHaveLength(400);
  });
});
