/** @module Public exports of network definitions. */
export { buildNetSpec, listArchs, registerArch, type ArchBuild, type ArchBuilder, type NetIo } from './arch-registry.js';
export { STUDENT_TINY_DEFAULTS } from './archs/student-tiny.js';
export { TEACHER_CNN_DEFAULTS } from './archs/teacher-cnn.js';
export type { ConvBnStackConfig } from './archs/conv-bn-stack.js';
export { SEED_CONV1D_DEFAULTS, type SeedConv1dConfig } from './archs/seed-conv1d.js';
export { createNet, type CreateNetOptions } from './create-net.js';
export { createHintRegressor, type HintRegressor, type HintRegressorOptions } from './hint-regressor.js';
export { NetError, type NetErrorCode } from './net-error.js';
export { countParams, hiddenSizeOf, inferShapes, type ActivationShape, type LayerShape, type ParamCount } from './net-shapes.js';
export type { Net, NetOutput } from './net.js';
export { predictNet, type Predictions } from './predict-net.js';
