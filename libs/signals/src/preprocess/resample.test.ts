import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { readFixture, relativeError } from '../testing/fixtures.js';
import { resample, resamplePoly, type ResamplePadType } from './resample.js';

interface ResampleCase {
  name: string;
  fromHz: number;
  toHz: number;
  up: number;
  down: number;
  padType: ResamplePadType;
  x: number[];
  y: number[];
}

const fixture = readFixture<{ cases: ResampleCase[] }>('resample-poly.json');

function tone(rate: number, seconds: number, hz: number, amplitude = 1, offset = 0): Float64Array {
  return Float64Array.from({ length: Math.round(rate * seconds) }, (_, i) => offset + amplitude * Math.sin((2 * Math.PI * hz * i) / rate + 0.3));
}

/** Amplitude of the `hz` component of y[lo, hi) by a least-squares fit of c + a·cos + b·sin. */
function toneAmplitude(y: ArrayLike<number>, rate: number, hz: number, lo: number, hi: number): number {
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const v = [0, 0, 0];
  for (let i = lo; i < hi; i++) {
    const phase = (2 * Math.PI * hz * i) / rate;
    const basis = [1, Math.cos(phase), Math.sin(phase)];
    for (let r = 0; r < 3; r++) {
      v[r] += basis[r] * y[i];
      for (let c = 0; c < 3; c++) m[r][c] += basis[r] * basis[c];
    }
  }
  const det = (a: number[][]) =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
    a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
    a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det(m);
  const solve = (col: number) => det(m.map((row, r) => row.map((value, c) => (c === col ? v[r] : value)))) / d;
  return Math.hypot(solve(1), solve(2));
}

describe('resample', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('equals scipy resample_poly: %s', (_name, c) => {
    const y = resample(Float64Array.from(c.x), c.fromHz, c.toHz, { padType: c.padType });
    expect(y.length).toBe(c.y.length);
    expect(y.length).toBe(Math.ceil((c.x.length * c.up) / c.down));
    expect(relativeError(y, c.y)).toBeLessThan(1e-9);
    expect(relativeError(resamplePoly(c.x, c.up, c.down, { padType: c.padType }), c.y)).toBeLessThan(1e-9);
  });

  const cases: Array<[number, number, number]> = [
    // [fromHz, toHz, seconds]
    [512, 32, 10],
    [512, 128, 10],
    [512, 4, 40],
    [100, 32, 10],
    [4, 32, 40],
    [7.5, 32, 40],
  ];

  it.each(cases)('keeps a tone at half the lower Nyquist within 1%%: %s Hz → %s Hz', (from, to, seconds) => {
    const hz = Math.min(from, to) / 4;
    const y = resample(tone(from, seconds, hz, 1, 8), from, to, { padType: 'edge' });
    const margin = Math.ceil(3 * to); // filter span ≤ 2.5 s
    expect(Math.abs(toneAmplitude(y, to, hz, margin, y.length - margin) - 1)).toBeLessThan(0.01);
  });

  it.each(cases.filter(([from, to]) => to < from))(
    'attenuates a tone above the new Nyquist by at least 40 dB: %s Hz → %s Hz',
    (from, to, seconds) => {
      const hz = 0.75 * to; // 1.5 × the new Nyquist; aliases to 0.25 × to
      const y = resample(tone(from, seconds, hz), from, to);
      const margin = Math.ceil(3 * to); // filter span ≤ 2.5 s
      expect(toneAmplitude(y, to, to - hz, margin, y.length - margin)).toBeLessThan(0.01);
      let peak = 0;
      for (let i = margin; i < y.length - margin; i++) peak = Math.max(peak, Math.abs(y[i]));
      expect(peak).toBeLessThan(0.01);
    },
  );

  it('rejects the spectral image when upsampling (≥ 40 dB)', () => {
    const y = resample(tone(128, 4, 20), 128, 512);
    expect(Math.abs(toneAmplitude(y, 512, 20, 64, y.length - 64) - 1)).toBeLessThan(0.01);
    expect(toneAmplitude(y, 512, 108, 64, y.length - 64)).toBeLessThan(0.01);
  });

  it('keeps a level flat to the edges with edge padding, unlike zero padding', () => {
    const flat = new Float32Array(2816).fill(10);
    const edge = resample(flat, 512, 32, { padType: 'edge' });
    expect(edge.length).toBe(176);
    for (const v of edge) expect(Math.abs(v - 10)).toBeLessThan(1e-9);
    const constant = resample(flat, 512, 32);
    expect(constant[0]).toBeLessThan(6);
  });

  it('returns a copy for equal rates and an empty output for an empty input', () => {
    const x = new Float32Array([1, 2, 3]);
    const y = resample(x, 32, 32);
    expect(y).toBeInstanceOf(Float64Array);
    expect(Array.from(y)).toEqual([1, 2, 3]);
    expect(resample(new Float64Array(0), 512, 32).length).toBe(0);
  });

  it('gives the same output from repeated calls (cached design)', () => {
    const x = tone(512, 1, 3);
    expect(Array.from(resample(x, 512, 32))).toEqual(Array.from(resample(x, 512, 32)));
  });

  it('rejects bad arguments naming them', () => {
    const paths: string[] = [];
    const record = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        paths.push(error instanceof SignalsError ? `${error.code}@${error.location.path}` : 'other');
      }
    };
    record(() => resample([1, Number.NaN], 512, 32));
    record(() => resample([1], 0, 32));
    record(() => resample([1], 512, 1e6));
    record(() => resample([1], 512, 32, { padType: 'reflect' as ResamplePadType }));
    record(() => resamplePoly([1], 0, 2));
    record(() => resamplePoly([1], 2, 1.5));
    expect(paths).toEqual([
      'SIGNAL_INVALID_ARGUMENT@x',
      'SIGNAL_INVALID_ARGUMENT@fromHz',
      'SIGNAL_INVALID_ARGUMENT@toHz',
      'SIGNAL_INVALID_ARGUMENT@options.padType',
      'SIGNAL_INVALID_ARGUMENT@up',
      'SIGNAL_INVALID_ARGUMENT@down',
    ]);
  });
});
