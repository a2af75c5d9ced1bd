/**
 * @module The artifact manifest (`manifest.json`): what a trained painkd model is, what it expects
 * as input, how it was quantised and evaluated, and the sha256 of every model file. Validated with
 * zod wherever it is loaded (edge API, tools, tests).
 */
import { parsePreprocessConfig, SignalsError, type PreprocessConfig } from '@painkd/signals';
import { z } from 'zod';

/**
 * File roles an artifact holds. `student-int8` (ONNX) is what the edge serves; the TFLite roles
 * are the same student for LiteRT/TFLite devices, and the int8-I/O variant as C++ source and
 * header for TensorFlow Lite Micro.
 */
export const artifactRoles = [
  'student-int8',
  'student-fp32',
  'teacher-fp32',
  'student-int8-tflite',
  'student-fp32-tflite',
  'student-int8-micro-header',
  'student-int8-micro-source',
] as const;

/** A file role of an artifact. */
export type ArtifactRole = (typeof artifactRoles)[number];

/** Default file name of each role inside an artifact folder. */
export const artifactFileNames: Readonly<Record<ArtifactRole, string>> = {
  'student-int8': 'student.int8.onnx',
  'student-fp32': 'student.fp32.onnx',
  'teacher-fp32': 'teacher.fp32.onnx',
  'student-int8-tflite': 'student.int8.tflite',
  'student-fp32-tflite': 'student.fp32.tflite',
  'student-int8-micro-header': 'student_int8.h',
  'student-int8-micro-source': 'student_int8.cc',
};

/** Name of the manifest file inside an artifact folder. */
export const MANIFEST_FILE = 'manifest.json';

const positive = z.number().positive().finite();
const count = z.number().int().nonnegative();
const fraction = z.number().min(0).max(1);
const netSchema = z.object({
  /** Registered architecture name, e.g. `student-tiny`. */
  arch: z.string().min(1),
  /** The config the architecture was built from. */
  config: z.record(z.string(), z.unknown()),
  params: count,
});
/** A full `PreprocessConfig`, validated by @painkd/signals' own parser (errors keep its JSON path). */
const preprocessSchema = z.unknown().transform((value, ctx): PreprocessConfig => {
  try {
    return parsePreprocessConfig(value);
  } catch (error) {
    const where = error instanceof SignalsError ? (error.location.path ?? '$') : '$';
    ctx.issues.push({ code: 'custom', input: value, message: error instanceof Error ? error.message : String(error), path: where.split('.').slice(1) });
    return z.NEVER;
  }
});
const scoreSchema = z.object({
  accuracy: fraction,
  macroF1: fraction,
  mae: z.number().nonnegative().finite(),
  rmse: z.number().nonnegative().finite().optional(),
  confusion: z.array(z.array(z.number().int().nonnegative())).optional(),
});
const calibrationSchema = z.object({
  method: z.enum(['minmax', 'percentile']),
  percentile: z.number().gt(50).max(100).optional(),
});
/** Signed differences int8 − fp32 (accuracy and macro-F1 as fractions, MAE on the class scale). */
const differenceSchema = z.object({ accuracy: z.number().finite(), macroF1: z.number().finite(), mae: z.number().finite() });
const agreementSchema = z.object({ maxAbsLogitDiff: z.number().nonnegative(), argmaxAgreement: fraction, windows: z.number().int().positive() });
const ioQuantSchema = z.object({ scale: positive, zeroPoint: z.number().int().min(-128).max(127) });

/**
 * Student scores on one fold's test windows: fp32, the ONNX int8 and (when written) the TFLite
 * int8 model, all from the calibration the shipped artifact uses.
 */
export const quantizationFoldSchema = z.object({
  fold: count,
  fp32: scoreSchema,
  int8: scoreSchema,
  tfliteInt8: scoreSchema.optional(),
  calibration: calibrationSchema.optional(),
});

/** Zod schema of `manifest.json` (schema version 1). */
export const manifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    painkdVersion: z.string().min(1),
    createdAt: z.iso.datetime(),
    /** The served student: architecture, config, parameters and number of classes. */
    model: netSchema.extend({ classes: z.number().int().min(2) }),
    teacher: netSchema,
    task: z.enum(['multiclass', 'binary']).optional(),
    /** Where the nets were trained: the tfjs backend and, for webgpu, the GPU adapter. */
    training: z
      .object({
        backend: z.string().min(1),
        adapter: z
          .object({ vendor: z.string(), architecture: z.string(), device: z.string(), description: z.string(), software: z.boolean() })
          .optional(),
      })
      .optional(),
    /**
     * The experiment the nets came from: its name, preset and profile, the hash of its resolved
     * config (`experimentConfigHash`: everything but workers and backend), and the view the student
     * was trained on (channels, rate, simulated wearable — the wearable stands in for the device in
     * training only; at serve time the device's own signal goes through `preprocess`).
     */
    experiment: z
      .object({
        name: z.string().min(1),
        preset: z.string().min(1),
        profile: z.string().min(1),
        configHash: z.string().regex(/^[0-9a-f]{16}$/),
        studentView: z.record(z.string(), z.unknown()),
      })
      .optional(),
    input: z.object({
      /** Model sample rate in Hz (windows are resampled to it). */
      sampleRate: positive,
      windowSeconds: positive,
      windowSamples: z.number().int().positive(),
      /** Channel names in model input order, e.g. `['gsr']`. */
      channels: z.array(z.string().min(1)).min(1),
    }),
    /** The full preprocessing config (`PreprocessConfig` of @painkd/signals). */
    preprocess: preprocessSchema,
    classLabels: z.array(z.string().min(1)).min(2),
    quantization: z.object({
      format: z.literal('QDQ'),
      weights: z.literal('int8-symmetric-per-channel'),
      activations: z.literal('int8-asymmetric-per-tensor'),
      bias: z.literal('int32'),
      opset: z.number().int().min(13),
      calibration: calibrationSchema.extend({ windows: z.number().int().positive() }),
      /** fp32 vs int8 on the calibration windows. */
      agreement: agreementSchema,
      /**
       * The TFLite int8 student (full integer, same calibration): `student.int8.tflite` has float
       * input/output (QUANTIZE/DEQUANTIZE inside); the microcontroller source holds the int8-I/O
       * variant, whose input and output quantisation a device needs.
       */
      tflite: z
        .object({
          format: z.literal('TFLite'),
          weights: z.literal('int8-symmetric-per-channel'),
          activations: z.literal('int8-asymmetric-per-tensor'),
          bias: z.literal('int32'),
          io: z.literal('float'),
          micro: z.object({ io: z.literal('int8'), input: ioQuantSchema, output: ioQuantSchema, arenaBytes: z.number().int().positive() }),
          /** The runtime the agreement was measured in. */
          runtime: z.enum(['litert', 'tfjs-tflite']),
          /** TFLite int8 vs the fp32 student, and vs the ONNX int8 student, on the calibration windows. */
          agreement: z.object({ vsFp32: agreementSchema, vsOnnxInt8: agreementSchema }),
        })
        .optional(),
    }),
    /**
     * Cross-validated scores of the fp32 and int8 students (empty `folds` when not cross-validated),
     * their means, and per format the signed mean difference int8 − fp32 over the same folds and windows.
     */
    metrics: z.object({
      folds: z.array(quantizationFoldSchema),
      mean: z.object({ fp32: scoreSchema, int8: scoreSchema, tfliteInt8: scoreSchema.optional() }).optional(),
      int8MinusFp32: z.object({ onnx: differenceSchema, tflite: differenceSchema.optional() }).optional(),
    }),
    files: z
      .array(
        z.object({
          role: z.enum(artifactRoles),
          /** A plain file name inside the artifact folder. */
          path: z.string().regex(/^(?!\.\.?$)[A-Za-z0-9._-]+$/, 'must be a plain file name inside the artifact folder'),
          sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
          bytes: z.number().int().positive(),
        }),
      )
      .min(1),
  })
  .superRefine((m, ctx) => {
    if (m.classLabels.length !== m.model.classes) {
      ctx.addIssue({ code: 'custom', path: ['classLabels'], message: `has ${m.classLabels.length} labels for ${m.model.classes} classes` });
    }
    if (Math.abs(m.input.windowSamples - m.input.sampleRate * m.input.windowSeconds) > 1) {
      ctx.addIssue({ code: 'custom', path: ['input', 'windowSamples'], message: `is not sampleRate × windowSeconds` });
    }
    for (const key of ['sampleRate', 'windowSeconds', 'windowSamples'] as const) {
      if (m.input[key] !== m.preprocess[key]) ctx.addIssue({ code: 'custom', path: ['input', key], message: `differs from preprocess.${key} (${m.preprocess[key]})` });
    }
    const roles = m.files.map((f) => f.role);
    roles.forEach((role, i) => {
      if (roles.indexOf(role) !== i) ctx.addIssue({ code: 'custom', path: ['files', i, 'role'], message: `duplicate role ${role}` });
    });
    if (!roles.includes('student-int8')) ctx.addIssue({ code: 'custom', path: ['files'], message: 'must list the student-int8 model' });
  });

/** A validated `manifest.json` (as parsed: `preprocess` is a complete `PreprocessConfig`). */
export type ArtifactManifest = z.output<typeof manifestSchema>;

/** What a writer passes to `JSON.stringify` for `manifest.json`. */
export type ArtifactManifestInput = z.input<typeof manifestSchema>;

/** One listed model file of a manifest. */
export type ArtifactFile = ArtifactManifest['files'][number];
