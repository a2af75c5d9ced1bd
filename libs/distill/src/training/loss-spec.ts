/** @module Which loss terms a run trains with, and their weights: CE, KD, cosine, FitNets, DKD. */

/**
 * The weighted sum a run minimises. Every term is optional except `ce`; any combination is valid:
 *
 *   L = ce·CE + kd.weight·KD_T + cosine.weight·(1 − cos) + fitnets.weight·MSE(r(h_s), h_t)
 *       + w(epoch)·dkd.weight·DKD_{α,β,T},   w(epoch) = min(epoch / dkd.warmupEpochs, 1)
 *
 * The seed's runs are `{ ce: 0.75, kd: { weight: 0.25, temperature: 2 } }` (KD),
 * `{ ce: 0.75, cosine: { weight: 0.25 } }` and `{ ce: 0.75, fitnets: { weight: 0.25 } }`.
 */
export interface LossSpec {
  readonly ce: number;
  readonly kd?: { readonly weight: number; readonly temperature: number };
  readonly cosine?: { readonly weight: number };
  readonly fitnets?: { readonly weight: number };
  readonly dkd?: {
    readonly weight: number;
    readonly alpha: number;
    readonly beta: number;
    readonly temperature: number;
    /** Epochs over which the DKD weight ramps linearly from 1/warmup to 1 (mdistiller's warm-up). */
    readonly warmupEpochs: number;
  };
}

/** True when the loss needs the teacher's cached outputs. */
export function needsTeacher(loss: LossSpec): boolean {
  return loss.kd !== undefined || loss.cosine !== undefined || loss.fitnets !== undefined || loss.dkd !== undefined;
}
