/** @module Public exports of the experiments part of @painkd/distill. */
export * from './experiment-config.js';
export { FINAL_JOB, foldsPerRepeat, jobNumber, runFoldJob, type FinalJobResult, type FoldJob, type FoldJobHooks, type FoldJobResult, type JobProgress, type TrainedNet, type ViewDatasets } from './fold-job.js';
export { compareWithBaseline, testTrainRatio } from './compare-methods.js';
export { PRESETS, presetConfig, type Preset } from './presets.js';
export { inThreadExecutor, workerPoolExecutor, type JobExecutor } from './job-executor.js';
export * from './progress-tracker.js';
export * from './report-markdown.js';
export { pointsInterval, pValueText, signedPoints } from './markdown-format.js';
export {
  comparisonGroups,
  NO_DIFFERENCE,
  pairingSentence,
  tooFewPairs,
  verdictSentence,
  verdictTally,
  type ComparisonGroup,
  type ComparisonRow,
  type VerdictTally,
} from './report-comparisons.js';
export { binaryScoringNote, foldLabel, repeatOf, repeatsOf, sensorLabel, viewLabel } from './report-labels.js';
export { PARETO_AXES, paretoPoints, sizeSweep, sweepCell, type ParetoAxis, type ParetoPoint, type SizeSweep, type SweepCell, type SweepSize } from './report-size-sweep.js';
export { describedViews, normalizationScope, subjectScopedViews, transductiveNote, TRANSDUCTIVE_LABEL } from './report-views.js';
export * from './report-types.js';
export * from './run-experiment.js';
