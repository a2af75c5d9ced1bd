/** @module @painkd/trainer public exports: the CLI entry and the saved-net format tools can read. */
export { runDistillCli, type CliIo } from './cli/run-distill.js';
export { parseCliArgs, type CliOptions } from './cli/parse-args.js';
export { USAGE } from './cli/usage.js';
export { exitCodeOf, TrainerError, type TrainerErrorCode } from './errors.js';
export { loadNet, saveNet, type SavedNetFile } from './output/save-net.js';
export { syntheticDataset, type SyntheticDataset, type SyntheticDatasetOptions } from './data/synthetic-dataset.js';
export { biovidDataset } from './data/biovid-dataset.js';
