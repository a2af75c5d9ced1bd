import { describe, expect, it } from 'vitest';
import { SignalsError } from '../errors.js';
import { normalizeSignal } from './normalize-signal.js';

const stats = { mean: 2, sd: 4, min: 0, max: 8, count: 10 };

describe('normalizeSignal', () => {
  it('dispatches on method with the window scope', () => {
    expect(Array.from(normalizeSignal([1, 3], { method: 'zscore', scope: 'window' }))).toEqual([-1, 1]);
    expect(Array.from(normalizeSignal([1, 3], { method: 'minmax', scope: 'window' }))).toEqual([0, 1]);
    expect(Array.from(normalizeSignal([1, 3], { method: 'none', scope: 'window' }))).toEqual([1, 3]);
  });

  it('uses subject statistics with the subject scope', () => {
    expect(Array.from(normalizeSignal([2, 6], { method: 'zscore', scope: 'subject' }, stats))).toEqual([0, 1]);
    expect(Array.from(normalizeSignal([2, 6], { method: 'minmax', scope: 'subject' }, stats))).toEqual([0.25, 0.75]);
  });

  it('requires subject statistics for the subject scope', () => {
    try {
      normalizeSignal([1], { method: 'zscore', scope: 'subject' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SignalsError);
      expect((error as SignalsError).location.path).toBe('subjectStats');
    }
    expect(Array.from(normalizeSignal([5], { method: 'none', scope: 'subject' }))).toEqual([5]);
  });

  it('rejects unknown methods and scopes', () => {
    const bad = { method: 'l2', scope: 'window' } as unknown as Parameters<typeof normalizeSignal>[1];
    expect(() => normalizeSignal([1], bad)).toThrow(/config.method/);
    const badScope = { method: 'zscore', scope: 'cohort' } as unknown as Parameters<typeof normalizeSignal>[1];
    expect(() => normalizeSignal([1], badScope)).toThrow(/config.scope/);
  });
});
