/** @module Tests of raw-window validation: bounds, paths and codes. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { checkWindowLength, parseFloat32Bytes, parseJsonWindow, parseSampleArray, parseSampleRateText, windowLengthBounds } from './parse-window.js';

const spec = { windowSeconds: 5.5, toleranceSeconds: 0.5 };

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
    expect(Array.from(parseSampleArray([1, 2.5], 's', 10))).toEqual([1, 2.5]);
    expect(codeOf(() => parseSampleArray([1, '2'], 's', 10))).toBe('400 INVALID_SAMPLES s[1]');
    expect(codeOf(() => parseSampleArray([1, 1e39], 's', 10))).toBe('400 INVALID_SAMPLES s[1]');
    expect(codeOf(() => parseSampleArray([], 's', 10))).toBe('400 INVALID_SAMPLES s');
    expect(codeOf(() => parseSampleArray({}, 's', 10))).toBe('400 INVALID_SAMPLES s');
    expect(codeOf(() => parseSampleArray([1, 2, 3], 's', 2))).toBe('400 INVALID_WINDOW_LENGTH s');
  });
});

describe('parseFloat32Bytes and rates', () => {
  it('reads little-endian float32 and rejects partial or non-finite values', () => {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat32(0, 1.5, true);
    new DataView(bytes.buffer).setFloat32(4, -2, true);
    expect(Array.from(parseFloat32Bytes(bytes, 'body'))).toEqual([1.5, -2]);
    expect(codeOf(() => parseFloat32Bytes(new Uint8Array(6), 'body'))).toBe('400 INVALID_SAMPLES body');
    new DataView(bytes.buffer).setFloat32(4, Number.POSITIVE_INFINITY, true);
    expect(codeOf(() => parseFloat32Bytes(bytes, 'body'))).toBe('400 INVALID_SAMPLES body[1]');
  });
  it('parses rates within 1–1024 Hz only', () => {
    expect(parseSampleRateText('31.25', 'q')).toBe(31.25);
    for (const bad of [undefined, '', 'abc', '0', '1025', 'Infinity']) expect(codeOf(() => parseSampleRateText(bad, 'q'))).toBe('400 INVALID_SAMPLE_RATE q');
  });
  it('checks a window object field by field', () => {
    expect(codeOf(() => parseJsonWindow(null, '', spec))).toBe('400 BAD_REQUEST ');
    expect(codeOf(() => parseJsonWindow({ samples: new Array(22).fill(1) }, 'w', spec))).toBe('400 INVALID_SAMPLE_RATE w.sampleRate');
    expect(parseJsonWindow({ samples: new Array(22).fill(1), sampleRate: 4 }, '', spec).samples).toHaveLength(22);
  });
});
