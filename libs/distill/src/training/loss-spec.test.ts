import { describe, expect, it } from 'vitest';
import { needsRegressor, needsTeacher } from './loss-spec.js';

describe('needsTeacher / needsRegressor', () => {
  it('asks for the teacher for every distillation term, and only then', () => {
    expect(needsTeacher({ ce: 1 })).toBe(false);
    for (const term of [
      { kd: { weight: 1, temperature: 2 } },
      { dkd: { weight: 1, alpha: 1, beta: 8, temperature: 4, warmupEpochs: 0 } },
      { cosine: { weight: 1 } },
      { fitnets: { weight: 1 } },
      { rkd: { distanceWeight: 25, angleWeight: 0 } },
      { sp: { weight: 1 } },
    ]) {
      expect(needsTeacher({ ce: 1, ...term })).toBe(true);
    }
  });

  it('asks for a regressor for FitNets and the projected cosine hint, not for pooling or relations', () => {
    expect(needsRegressor({ ce: 1, fitnets: { weight: 1 } })).toBe(true);
    expect(needsRegressor({ ce: 1, cosine: { weight: 1, align: 'project' } })).toBe(true);
    expect(needsRegressor({ ce: 1, cosine: { weight: 1 } })).toBe(false);
    expect(needsRegressor({ ce: 1, cosine: { weight: 1, align: 'pool' } })).toBe(false);
    expect(needsRegressor({ ce: 1, rkd: { distanceWeight: 25, angleWeight: 50 }, sp: { weight: 1 } })).toBe(false);
  });
});
