import { describe, expect, it } from 'vitest';
import { decodeTeacherCache, encodeTeacherCache } from './teacher-cache-codec.js';

describe('teacher cache codec', () => {
  it('round-trips the exact floats and refuses truncated or foreign values', () => {
    const cache = { rows: 3, classes: 2, hiddenSize: 4, logits: new Float32Array([1, -2, NaN, 0.1, 5, -0]), hidden: Float32Array.from({ length: 12 }, (_, i) => i / 7) };
    const bytes = encodeTeacherCache(cache);
    expect(bytes.length).toBe(16 + 4 * 18);
    const back = decodeTeacherCache(bytes, 'teacher of r0f0');
    expect([back.rows, back.classes, back.hiddenSize]).toEqual([3, 2, 4]);
    expect(new Uint32Array(back.logits.buffer)).toEqual(new Uint32Array(cache.logits.buffer));
    expect(back.hidden).toEqual(cache.hidden);
    expect(() => decodeTeacherCache(bytes.subarray(0, 40), 'teacher of r0f0')).toThrow(expect.objectContaining({ code: 'TEACHER_CACHE_MISSING', message: expect.stringContaining('teacher of r0f0') }));
    expect(() => decodeTeacherCache(Buffer.from('hello world, not a cache'), 'x')).toThrow(/no cache header/);
  });
});
