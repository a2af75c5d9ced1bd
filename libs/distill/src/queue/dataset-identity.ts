/**
 * @module What a queue job says about its data instead of carrying it: the source, how to make it
 * (the synthetic cohort's settings; for BioVid, each worker reads the folder at its own path), the
 * views, and a content hash every worker checks its own copy against.
 */
import type { ViewConfig } from '@painkd/signals';

/** The data of a queued experiment, by identity. */
export interface DatasetIdentity {
  readonly source: 'synthetic' | 'biovid';
  /** `viewDatasetsHash` of the views the experiment uses, as the coordinator loaded them. */
  readonly hash: string;
  /** The views by name, resolved (channels, preprocessing, simulated wearable). */
  readonly views: Readonly<Record<string, ViewConfig>>;
  /** Seeds each window's simulated wearable. */
  readonly seed: number;
  /** The synthetic cohort: subjects, windows per class and its seed (synthetic only). */
  readonly cohort?: { readonly subjects: number; readonly windowsPerClass: number; readonly seed: number };
}
