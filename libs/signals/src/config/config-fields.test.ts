import { describe, expect, it } from 'vitest';
import { caught } from '../testing/error-at.js';
import { configFields, fieldOr } from './config-fields.js';

const fields = configFields('VIEW_INVALID_CONFIG');

describe('configFields', () => {
  it('returns valid values unchanged', () => {
    expect(fields.number(2.5, '$.x', 0, 3)).toBe(2.5);
    expect(fields.integer(3, '$.x', 0, 3)).toBe(3);
    expect(fields.oneOf('b', '$.x', ['a', 'b'])).toBe('b');
    expect(fields.boolean(false, '$.x')).toBe(false);
    expect(fields.merged({ b: 3 }, { a: 1, b: 2 }, '$.x', ['a', 'b'])).toEqual({ a: 1, b: 3 });
  });

  it('throws the bound code at the JSON path, with the value in details', () => {
    const error = caught(() => fields.number(0, '$.rate', 0, 10, true));
    expect(error.code).toBe('VIEW_INVALID_CONFIG');
    expect(error.location.path).toBe('$.rate');
    expect(error.details).toEqual({ path: '$.rate', value: 0 });
    expect(error.message).toBe('$.rate: must be a number in (0, 10], got 0');
  });

  it('reports each kind of bad value at its path', () => {
    expect(caught(() => fields.object([], '$.o', [])).location.path).toBe('$.o');
    expect(caught(() => fields.object({ typo: 1 }, '$.o', ['type'])).location.path).toBe('$.o.typo');
    expect(caught(() => fields.integer(1.5, '$.i', 0, 3)).message).toContain('must be an integer');
    expect(caught(() => fields.oneOf('c', '$.s', ['a', 'b'])).message).toContain("'a', 'b'");
    expect(caught(() => fields.boolean('yes', '$.b')).location.path).toBe('$.b');
    expect(caught(() => fields.number(Number.NaN, '$.n', 0, 1)).location.path).toBe('$.n');
    expect(caught(() => fields.sampleRate(2048, '$.rate')).location.path).toBe('$.rate');
    expect(caught(() => fields.sampleRate(Math.PI, '$.rate')).message).toContain('not a fraction');
    expect(fields.sampleRate(7.5, '$.rate')).toBe(7.5);
  });
});

describe('fieldOr', () => {
  it('takes the given field, or the fallback when absent or undefined', () => {
    const fallback = { a: 1, b: 2 };
    expect(fieldOr({ a: 5 }, fallback, 'a')).toBe(5);
    expect(fieldOr({ a: undefined }, fallback, 'a')).toBe(1);
    expect(fieldOr({}, fallback, 'b')).toBe(2);
    expect(fieldOr({ b: null }, fallback, 'b')).toBeNull();
  });
});
