import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { objectiveLoss } from './objective.js';
import { cosineHintLoss } from '../losses/cosine-hint-loss.js';
import { crossEntropyLoss } from '../losses/cross-entropy-loss.js';
import { hintMseLoss } from '../losses/hint-mse-loss.js';
import { rkdAngleLoss } from '../losses/rkd-angle-loss.js';
import { rkdDistanceLoss } from '../losses/rkd-distance-loss.js';
import { similarityPreservingLoss } from '../losses/similarity-preserving-loss.js';
import { TEST_BACKENDS, useBackend } from '../testing/tf-backends.js';
import { tinyRegressor } from '../testing/tiny-net.js';

/** A student with 6 hidden features against a teacher with 16: different widths, as across modalities. */
function batch() {
  const random = (shape: [number, number], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed) as tf.Tensor2D;
  return {
    student: { logits: random([8, 3], 1), hidden: random([8, 6], 2) },
    teacher: { logits: random([8, 3], 3), hidden: random([8, 16], 4) },
    labels: tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'),
  };
}

const value = (t: tf.Tensor) => t.dataSync()[0];

describe.each(TEST_BACKENDS)('objectiveLoss on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('adds the RKD terms with their own weights (0 skips one) and SP, on different widths', () => {
    const { student, teacher, labels } = batch();
    const ce = value(crossEntropyLoss(student.logits, labels));
    const distance = value(rkdDistanceLoss(student.hidden, teacher.hidden));
    const angle = value(rkdAngleLoss(student.hidden, teacher.hidden));
    const sp = value(similarityPreservingLoss(student.hidden, teacher.hidden));
    expect(distance * angle * sp).toBeGreaterThan(0);
    const both = objectiveLoss({ ce: 0.5, rkd: { distanceWeight: 25, angleWeight: 50 } }, student, labels, 1, { teacher });
    expect(value(both)).toBeCloseTo(0.5 * ce + 25 * distance + 50 * angle, 4);
    const angleOnly = objectiveLoss({ ce: 1, rkd: { distanceWeight: 0, angleWeight: 2 }, sp: { weight: 3 } }, student, labels, 1, { teacher });
    expect(value(angleOnly)).toBeCloseTo(ce + 2 * angle + 3 * sp, 5);
  });

  it("keeps today's pooled cosine by default and projects through the regressor with align 'project'", () => {
    const { student, teacher, labels } = batch();
    const regressor = tinyRegressor(6, 16, 9);
    const ce = value(crossEntropyLoss(student.logits, labels));
    const pooled = value(cosineHintLoss(student.hidden, teacher.hidden));
    const projected = value(cosineHintLoss(regressor.apply(student.hidden), teacher.hidden));
    expect(Math.abs(pooled - projected)).toBeGreaterThan(1e-3);
    const loss = (align?: 'pool' | 'project') =>
      value(objectiveLoss({ ce: 1, cosine: { weight: 1, ...(align ? { align } : {}) } }, student, labels, 1, { teacher, regressor }));
    expect(loss()).toBeCloseTo(ce + pooled, 5);
    expect(loss('pool')).toBeCloseTo(ce + pooled, 5);
    expect(loss('project')).toBeCloseTo(ce + projected, 5);
    const withFitnets = objectiveLoss({ ce: 1, cosine: { weight: 1, align: 'project' }, fitnets: { weight: 2 } }, student, labels, 1, { teacher, regressor });
    expect(value(withFitnets)).toBeCloseTo(ce + projected + 2 * value(hintMseLoss(regressor.apply(student.hidden), teacher.hidden)), 4);
    const { grads } = tf.variableGrads(
      () => objectiveLoss({ ce: 0, cosine: { weight: 1, align: 'project' } }, student, labels, 1, { teacher, regressor }),
      [...regressor.trainableVariables],
    );
    expect(Math.max(...Array.from(grads[regressor.trainableVariables[0].name].dataSync(), Math.abs))).toBeGreaterThan(1e-4);
    regressor.dispose();
  });

  it('refuses a projected cosine without a regressor and a relation term without the teacher', () => {
    const { student, teacher, labels } = batch();
    expect(() => objectiveLoss({ ce: 1, cosine: { weight: 1, align: 'project' } }, student, labels, 1, { teacher })).toThrow(
      expect.objectContaining({ code: 'TRAIN_INVALID_ARGUMENT' }),
    );
    expect(() => objectiveLoss({ ce: 1, sp: { weight: 1 } }, student, labels, 1)).toThrow(expect.objectContaining({ code: 'TRAIN_INVALID_ARGUMENT' }));
  });
});
