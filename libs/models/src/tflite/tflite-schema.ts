/**
 * @module The slice of the TensorFlow Lite FlatBuffer schema painkd writes and reads: field slots
 * of each table, enum values, operator codes. Follows `tensorflow/lite/schema/schema.fbs`,
 * schema version 3 (file identifier `TFL3`, revision 3c: `OperatorCode` carries both
 * `deprecated_builtin_code` and `builtin_code`). A FlatBuffer field's slot is its declaration
 * index; a union field takes two slots (`<name>_type`, then the value). No code generation needed.
 */

/** File identifier written at bytes 4–8 (`finish(root, 'TFL3')`). */
export const TFLITE_FILE_IDENTIFIER = 'TFL3';
/** `Model.version`: the schema version. */
export const TFLITE_SCHEMA_VERSION = 3;

/** Field slots (declaration index) of the tables used. */
export const SLOT = {
  model: { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4 },
  operatorCode: { deprecatedBuiltinCode: 0, customCode: 1, version: 2, builtinCode: 3 },
  subGraph: { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 },
  tensor: { shape: 0, type: 1, buffer: 2, name: 3, quantization: 4 },
  quantization: { min: 0, max: 1, scale: 2, zeroPoint: 3, detailsType: 4, details: 5, quantizedDimension: 6 },
  operator: { opcodeIndex: 0, inputs: 1, outputs: 2, builtinOptionsType: 3, builtinOptions: 4 },
  buffer: { data: 0 },
  conv2dOptions: { padding: 0, strideW: 1, strideH: 2, fusedActivation: 3, dilationW: 4, dilationH: 5 },
  pool2dOptions: { padding: 0, strideW: 1, strideH: 2, filterWidth: 3, filterHeight: 4, fusedActivation: 5 },
  fullyConnectedOptions: { fusedActivation: 0, weightsFormat: 1, keepNumDims: 2 },
  reshapeOptions: { newShape: 0 },
  reducerOptions: { keepDims: 0 },
} as const;

/** Number of slots to reserve for each table written (its highest slot used + 1). */
export const SLOT_COUNT = {
  model: 5,
  operatorCode: 4,
  subGraph: 5,
  tensor: 5,
  quantization: 7,
  operator: 5,
  buffer: 1,
  conv2dOptions: 6,
  pool2dOptions: 6,
  fullyConnectedOptions: 3,
  reshapeOptions: 1,
  reducerOptions: 1,
} as const;

/** `TensorType` values. */
export const TensorType = { FLOAT32: 0, INT32: 2, INT8: 9 } as const;
/** A `TensorType` painkd writes. */
export type TfliteTensorType = (typeof TensorType)[keyof typeof TensorType];

/** `BuiltinOperator` values of the operators painkd emits. */
export const BuiltinOperator = {
  AVERAGE_POOL_2D: 1,
  CONV_2D: 3,
  DEQUANTIZE: 6,
  FULLY_CONNECTED: 9,
  MAX_POOL_2D: 17,
  RELU: 19,
  RESHAPE: 22,
  MEAN: 40,
  QUANTIZE: 114,
} as const;
/** A builtin operator painkd emits. */
export type TfliteBuiltin = keyof typeof BuiltinOperator;

/** `BuiltinOptions` union tags (1-based position in the union) of the options tables written. */
export const BuiltinOptions = {
  Conv2DOptions: 1,
  Pool2DOptions: 5,
  FullyConnectedOptions: 8,
  ReshapeOptions: 17,
  ReducerOptions: 27,
} as const;

/** `Padding` values. */
export const Padding = { SAME: 0, VALID: 1 } as const;
/** `ActivationFunctionType` values. */
export const Activation = { NONE: 0, RELU: 1 } as const;
