import { describe, expect, it } from 'vitest';
import type { QuantizationRow } from '../experiments/report-types.js';
import { int8MinusFp32 } from './int8-difference.js';

const s = (accuracy: number, mae = 1): { accuracy: number; macroF1: number; mae: number } => ({ accuracy, macroF1: accuracy / 2, mae });

describe('int8MinusFp32', () => {
  it('is the mean of int8 − fp32 per format, over the rows that have it', () => {
    const rows: QuantizationRow[] = [
      { fold: 0, fp32: s(0.5), int8: s(0.51, 0.9), tfliteInt8: s(0.49) },
      { fold: 1, fp32: s(0.4), int8: s(0.395, 1.2), tfliteInt8: s(0.4) },
    ];
    const d = int8MinusFp32(rows);
    expect(d.onnx!.accuracy).toBeCloseTo((0.01 - 0.005) / 2, 12);
    expect(d.onnx!.mae).toBeCloseTo((-0.1 + 0.2) / 2, 12);
    expect(d.tflite!.accuracy).toBeCloseTo(-0.005, 12);
    expect(int8MinusFp32([{ fold: 0, fp32: s(0.5), int8: s(0.5) }]).tflite).toBeUndefined();
    expect(int8MinusFp32([])).toEqual({});
  });
});
