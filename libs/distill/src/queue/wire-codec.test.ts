import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from './wire-codec.js';

describe('encodeWire / decodeWire', () => {
  it('round-trips typed arrays bit for bit, maps, nested objects and non-finite numbers through JSON', () => {
    const f = new Float32Array([1.5, -0, Math.fround(1e-40), NaN, Infinity, Math.fround(Math.PI)]);
    const view = new Float32Array(new Float32Array([9, 8, 7, 6]).buffer, 4, 2);
    const value = {
      weights: new Map([['dense/kernel', { shape: [2, 1], data: f }]]),
      labels: new Int32Array([0, -3, 2 ** 31 - 1]),
      view,
      nested: [{ a: 1, b: 'x', c: null, d: true }, [0.1, -Infinity]],
      dropped: undefined,
    };
    const back = decodeWire<typeof value>(JSON.parse(JSON.stringify(encodeWire(value))));
    const data = back.weights.get('dense/kernel')!.data;
    expect(data).toBeInstanceOf(Float32Array);
    expect(new Uint32Array(data.buffer)).toEqual(new Uint32Array(f.buffer));
    expect(back.labels).toEqual(value.labels);
    expect(Array.from(back.view)).toEqual([8, 7]);
    expect(back.nested).toEqual([{ a: 1, b: 'x', c: null, d: true }, [0.1, -Infinity]]);
    expect('dropped' in back).toBe(false);
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => encodeWire({ f: () => 1 })).toThrow(/cannot encode a function/);
  });
});
