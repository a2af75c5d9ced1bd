import { describe, expect, it } from 'vitest';
import { conv1dGeometry } from './conv1d-geometry.js';

describe('conv1dGeometry', () => {
  it('follows TF SAME (extra zero at the end) and VALID', () => {
    expect(conv1dGeometry(176, 7, 2, 'same')).toEqual({ inLength: 176, outLength: 88, padLeft: 2, padRight: 3 });
    expect(conv1dGeometry(22, 5, 1, 'same')).toEqual({ inLength: 22, outLength: 22, padLeft: 2, padRight: 2 });
    expect(conv1dGeometry(10, 4, 1, 'same')).toEqual({ inLength: 10, outLength: 10, padLeft: 1, padRight: 2 });
    expect(conv1dGeometry(176, 5, 2, 'valid')).toEqual({ inLength: 176, outLength: 86, padLeft: 0, padRight: 0 });
    expect(conv1dGeometry(16, 3, 3, 'same')).toEqual({ inLength: 16, outLength: 6, padLeft: 1, padRight: 1 });
  });
});
