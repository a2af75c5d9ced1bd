/** @module Tests of the NDJSON line splitter: any chunking gives the same lines; long lines are bounded. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { LineSplitter } from './line-splitter.js';

describe('LineSplitter', () => {
  it('gives the same numbered lines for every split of the input', () => {
    const text = 'first\r\nsecond\n\nthird é\nlast';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const s = new LineSplitter(100);
      const lines = [...s.push(bytes.subarray(0, cut)), ...s.push(bytes.subarray(cut))];
      const last = s.end();
      if (last) lines.push(last);
      expect(lines).toEqual([
        { number: 1, text: 'first' },
        { number: 2, text: 'second' },
        { number: 3, text: '' },
        { number: 4, text: 'third é' },
        { number: 5, text: 'last' },
      ]);
    }
  });
  it('rejects a line longer than the bound, naming it, even before its newline arrives', () => {
    const s = new LineSplitter(8);
    s.push(new TextEncoder().encode('ok\n12345'));
    try {
      s.push(new TextEncoder().encode('6789'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('LINE_TOO_LONG');
      expect((error as ApiError).path).toBe('line 2');
    }
  });
});
