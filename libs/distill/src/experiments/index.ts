/** @module Public exports of the experiments part of @painkd/distill. */
export * from './experiment-config.js';
export type {
  ExperimentJob,
  ExperimentJobResult,
  FinalModels,
  FinalNet,
  JobHooks,
  JobProgress,
  MethodFoldResult,
  StudentJobResult,
  TeacherCache,
  TeacherCaches,
  TeachersJobResult,
  TrainedNet,
  UnitResult,
} from './experiment-job.js';
export {
  FINAL_JOB,
  distilledFrom,
  initialUnits,
  keepsStudent,
  planExperiment,
  unitFold,
  unitKey,
  unitNumber,
  unitStudents,
  unitTeachers,
  type ExperimentPlan,
  type Unit,
  type ViewDatasets,
} from './experiment-plan.js';
export { runExperimentJob } from './run-job.js';
export { assembleUnit } from './unit-result.js';
export { localScheduler, type SchedulerFactory, type SchedulerHooks, type UnitScheduler } from './unit-scheduler.js';
export { compareWithBaseline, testTrainRatio } from './compare-methods.js';
export { PRESETS, presetConfig, type Preset } from './presets.js';
export { inThreadExecutor, workerPoolExecutor, type JobExecutor } from './job-executor.js';
export type { JobContext } from './worker-protocol.js';
export { reviveError, serializeError, type RevivedError, type SerializedError } from './serialized-error.js';
export * from './progress-tracker.js';
export * from './report-markdown.js';
export { count, pct, pointsInterval, pValueText, row, signedDifference, signedPoints } from './markdown-format.js';
export {
  comparisonGroups,
  confidencePercent,
  NO_DIFFERENCE,
  pairingSentence,
  tooFewPairs,
  verdictSentence,
  verdictTally,
  type ComparisonGroup,
  type ComparisonRow,
  type VerdictTally,
} from './report-comparisons.js';
export { binaryScoringNote, foldAt, foldLabel, foldPairs, repeatOf, repeatsOf, sensorLabel, viewLabel } from './report-labels.js';
export { PARETO_AXES, paretoPoints, sizeSweep, sweepCell, type ParetoAxis, type ParetoPoint, type SizeSweep, type SweepCell, type SweepSize } from './report-size-sweep.js';
export { describedViews, normalizationScope, subjectScopedViews, transductiveNote, TRANSDUCTIVE_LABEL } from './report-views.js';
export * from './report-types.js';
export * from './run-experiment.js';
