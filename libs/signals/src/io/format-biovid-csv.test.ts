import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { formatBiovidCsv } from './format-biovid-csv.js';
import { parseBiovidCsv } from './parse-biovid-csv.js';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('formatBiovidCsv', () => {
  it('writes the BioVid header, integer microseconds and fixed decimals', () => {
    const text = decode(
      formatBiovidCsv({
        timeUs: new Float64Array([0, 1953.125, 3906.25]),
        channels: { gsr: new Float32Array([6.966839, 0, -0.0000001]), ecg: new Float32Array([-1.5, 2, 1e-6]) },
      }),
    );
    expect(text).toBe('time\tgsr\tecg\n0\t6.966839\t-1.500000\n1953\t0.000000\t2.000000\n3906\t0.000000\t0.000001\n');
  });

  it('writes CRLF, other decimal counts and non-finite values on request', () => {
    const text = decode(
      formatBiovidCsv(
        { timeUs: new Float64Array([0, 10]), channels: { gsr: new Float32Array([Number.NaN, -Infinity]) } },
        { decimals: 2, newline: '\r\n' },
      ),
    );
    expect(text).toBe('time\tgsr\r\n0\tNaN\r\n10\t-Inf\r\n');
  });

  it('round-trips any float32 values through parseBiovidCsv to half a unit in the 6th decimal', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -5000, max: 5000, noNaN: true }), { minLength: 2, maxLength: 50 }), (values) => {
        const gsr = new Float32Array(values);
        const timeUs = new Float64Array(gsr.length).map((_, i) => i * 1953);
        const back = parseBiovidCsv(formatBiovidCsv({ timeUs, channels: { gsr } }), { channels: ['gsr'], expectedRows: 'any' });
        for (let i = 0; i < gsr.length; i++) {
          const tolerance = 5e-7 + Math.abs(gsr[i]) * 2 ** -23;
          expect(Math.abs((back.channels.gsr?.[i] ?? Number.NaN) - gsr[i])).toBeLessThanOrEqual(tolerance);
        }
        expect(Array.from(back.timeUs)).toEqual(Array.from(timeUs));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects channels of the wrong length and bad decimal counts', () => {
    const timeUs = new Float64Array(3);
    expect(() => formatBiovidCsv({ timeUs, channels: { gsr: new Float32Array(2) } })).toThrow(SignalsError);
    expect(() => formatBiovidCsv({ timeUs, channels: {} }, { decimals: 12 })).toThrow(/decimals/);
  });
});
