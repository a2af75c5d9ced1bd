/** @module Which loss terms a run trains with, and their weights: CE, KD, DKD, cosine, FitNets, RKD, SP. */

/**
 * How the cosine hint compares hidden vectors of different widths: `pool` average-pools the
 * wider one down to the narrower one (the seed's behaviour, for nets on the same input);
 * `project` maps the student's vector to the teacher's width with the trainable hint regressor
 * first (for a teacher on another modality, where pooled unit indices mean nothing).
 */
export type CosineAlign = 'pool' | 'project';

/**
 * The weighted sum a run minimises. Every term is optional except `ce`; any combination is valid:
 *
 *   L = ce·CE + kd.weight·KD_T + w(epoch)·dkd.weight·DKD_{α,β,T}
 *       + cosine.weight·(1 − cos(a(h_s), h_t)) + fitnets.weight·MSE(r(h_s), h_t)
 *       + rkd.distanceWeight·RKD_D(h_s, h_t) + rkd.angleWeight·RKD_A(h_s, h_t)
 *       + sp.weight·SP(h_s, h_t)
 *
 * with w(epoch) = min(epoch / dkd.warmupEpochs, 1), r the trainable hint regressor (student
 * width → teacher width), and a = r for `cosine.align: 'project'`, else the identity (the
 * wider vector is pooled). FitNets and a projected cosine share the one regressor. RKD and SP
 * compare relations within the batch and need no map between widths. h_s, h_t are the
 * globally pooled embeddings `[batch, d]`.
 *
 * The seed's runs are `{ ce: 0.75, kd: { weight: 0.25, temperature: 2 } }` (KD),
 * `{ ce: 0.75, cosine: { weight: 0.25 } }` and `{ ce: 0.75, fitnets: { weight: 0.25 } }`.
 * RKD's paper weights are `rkd: { distanceWeight: 25, angleWeight: 50 }`; RepDistiller weights
 * SP 3000 (`-b 3000`, on convolutional feature maps of image nets). Both were tuned elsewhere.
 */
export interface LossSpec {
  readonly ce: number;
  readonly kd?: { readonly weight: number; readonly temperature: number };
  readonly cosine?: { readonly weight: number; readonly align?: CosineAlign };
  readonly fitnets?: { readonly weight: number };
  readonly dkd?: {
    readonly weight: number;
    readonly alpha: number;
    readonly beta: number;
    readonly temperature: number;
    /** Epochs over which the DKD weight ramps linearly from 1/warmup to 1 (mdistiller's warm-up). */
    readonly warmupEpochs: number;
  };
  /** Relational KD (Park et al. 2019): each weight 0 skips its term. */
  readonly rkd?: { readonly distanceWeight: number; readonly angleWeight: number };
  /** Similarity-preserving KD (Tung & Mori 2019). */
  readonly sp?: { readonly weight: number };
}

/**
 * True when the loss needs the teacher's cached outputs.
 *
 * @example
 * needsTeacher({ ce: 1, sp: { weight: 1 } }); // true
 */
export function needsTeacher(loss: LossSpec): boolean {
  return (
    loss.kd !== undefined ||
    loss.dkd !== undefined ||
    loss.cosine !== undefined ||
    loss.fitnets !== undefined ||
    loss.rkd !== undefined ||
    loss.sp !== undefined
  );
}

/**
 * True when the loss needs a trainable hint regressor (student width → teacher width): FitNets,
 * or a cosine hint with `align: 'project'`.
 *
 * @example
 * needsRegressor({ ce: 1, cosine: { weight: 1, align: 'project' } }); // true
 */
export function needsRegressor(loss: LossSpec): boolean {
  return loss.fitnets !== undefined || loss.cosine?.align === 'project';
}
