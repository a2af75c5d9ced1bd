import { describe, expect, it } from 'vitest';
import { PlateauTracker } from './plateau.js';

describe('PlateauTracker', () => {
  it('halves the rate after lrPatience flat epochs and stops after patience', () => {
    const p = new PlateauTracker({ patience: 4, lrPatience: 2, lrFactor: 0.5, minLearningRate: 0.1 }, 1);
    expect(p.update(1)).toEqual({ improved: true, learningRate: 1, stop: false });
    expect(p.update(1)).toEqual({ improved: false, learningRate: 1, stop: false });
    expect(p.update(1.5)).toEqual({ improved: false, learningRate: 0.5, stop: false });
    expect(p.update(0.99999)).toEqual({ improved: false, learningRate: 0.5, stop: false });
    expect(p.update(1)).toEqual({ improved: false, learningRate: 0.25, stop: true });
  });

  it('never goes below the minimum rate', () => {
    const p = new PlateauTracker({ patience: 99, lrPatience: 1, lrFactor: 0.1, minLearningRate: 0.05 }, 1);
    p.update(1);
    for (let i = 0; i < 5; i++) p.update(2);
    expect(p.update(2).learningRate).toBe(0.05);
  });
});
