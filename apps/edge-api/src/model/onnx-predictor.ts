/**
 * @module Loads a verified artifact (manifest schema + sha256 of every file) into a
 * {@link Predictor} on ONNX Runtime (node or web), with the manifest's preprocessing.
 * Any problem is a {@link StartupError} whose message says why the server will not start.
 */
import { createInferenceSession, loadArtifact, RuntimeError, type PainkdInferenceSession, type RuntimeErrorCode, type RuntimeName } from '@painkd/runtime';
import { parsePreprocessConfig, SignalsError, type PreprocessConfig, type SignalsErrorCode } from '@painkd/signals';
import type { ModelInfo, Prediction, Predictor, StageTimings } from './predictor.js';
import { stagedPreprocess } from './staged-preprocess.js';

/** Why the server refused to start: the library's code when a library failed, else the server's own. */
export type StartupErrorCode = RuntimeErrorCode | SignalsErrorCode | 'UNSUPPORTED_MODEL' | 'WORKER_START_FAILED' | 'STARTUP_FAILED';

/**
 * Why the server refused to start.
 *
 * @example
 * throw new StartupError('MODEL_HASH_MISMATCH', 'refusing to start: …');
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    readonly code: StartupErrorCode,
    message: string,
    options: { cause?: unknown; details?: Readonly<Record<string, unknown>> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** Options of {@link loadPredictor}. */
export interface LoadPredictorOptions {
  /** `auto` (node, else web), `node` or `web`. Default `auto`. */
  readonly runtime?: RuntimeName | 'auto';
  /** Intra-op threads. Default 1. */
  readonly threads?: number;
  /** Streaming hop in seconds. Default 1. */
  readonly hopSeconds?: number;
}

function codeOf(error: unknown): StartupErrorCode {
  return error instanceof RuntimeError || error instanceof SignalsError ? error.code : 'STARTUP_FAILED';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Numerically stable softmax of one row of logits.
 *
 * @example
 * softmax(new Float32Array([0, 0])); // [0.5, 0.5]
 */
export function softmax(logits: Float32Array): number[] {
  let max = -Infinity;
  for (const v of logits) if (v > max) max = v;
  const exps = Array.from(logits, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Loads, verifies and opens the int8 student of an artifact folder.
 *
 * @example
 * const predictor = await loadPredictor('apps/edge-api/model', { runtime: 'auto' });
 * predictor.info.labels; // ['BL1', 'PA1', 'PA2', 'PA3', 'PA4']
 */
export async function loadPredictor(dir: string, options: LoadPredictorOptions = {}): Promise<Predictor> {
  const fail = (error: unknown, what: string): never => {
    throw new StartupError(codeOf(error), `refusing to start: ${what}: ${messageOf(error)} [${codeOf(error)}]`, { cause: error });
  };
  const artifact = await loadArtifact(dir, { verify: true }).catch((e: unknown) => fail(e, `artifact ${dir} failed verification`));
  const manifest = artifact.manifest;
  let config: PreprocessConfig;
  try {
    config = parsePreprocessConfig(manifest.preprocess);
  } catch (error) {
    return fail(error, `manifest.preprocess of ${dir} is invalid`);
  }
  if (config.normalization.scope !== 'window') {
    throw new StartupError('UNSUPPORTED_MODEL', `refusing to start: the model normalises per subject (scope '${config.normalization.scope}'); a server sees one window at a time and needs scope 'window'`);
  }
  if (config.sampleRate !== manifest.input.sampleRate || config.windowSamples !== manifest.input.windowSamples || manifest.input.channels.length !== 1) {
    throw new StartupError(
      'UNSUPPORTED_MODEL',
      `refusing to start: manifest.input (${manifest.input.sampleRate} Hz, ${manifest.input.windowSamples} samples, ${manifest.input.channels.length} channel(s)) ` +
        `does not match manifest.preprocess (${config.sampleRate} Hz, ${config.windowSamples} samples) with one channel`,
    );
  }
  const file = manifest.files.find((f) => f.role === 'student-int8');
  const bytes = await artifact.readModel('student-int8').catch((e: unknown) => fail(e, 'the int8 student cannot be read'));
  const session: PainkdInferenceSession = await createInferenceSession(bytes, { runtime: options.runtime ?? 'auto', threads: options.threads ?? 1 }).catch(
    (e: unknown) => fail(e, 'ONNX Runtime could not load the int8 student'),
  );
  const [, length, channels] = session.inputShape;
  if (length !== config.windowSamples || channels !== 1) {
    await session.dispose();
    throw new StartupError('UNSUPPORTED_MODEL', `refusing to start: the ONNX input is [batch, ${length}, ${channels}], the manifest says [batch, ${config.windowSamples}, 1]`);
  }
  const labels = manifest.classLabels;
  const sha256 = file?.sha256 ?? '';
  const info: ModelInfo = {
    name: manifest.model.arch,
    version: `${manifest.painkdVersion}+${sha256.slice(0, 12)}`,
    sha256,
    labels,
    sampleRate: config.sampleRate,
    windowSamples: config.windowSamples,
    windowSeconds: config.windowSeconds,
    toleranceSeconds: config.length.toleranceSeconds,
    maxMissingFraction: config.missing.maxMissingFraction,
    hopSeconds: options.hopSeconds ?? 1,
    inputName: 'input',
    outputName: 'logits',
    inputShape: [-1, config.windowSamples, 1],
    runtime: session.runtime,
  };
  const classes = labels.length;
  return {
    info,
    preprocess(samples, sampleRate, timings) {
      return stagedPreprocess(samples, sampleRate, config, timings);
    },
    async infer(windows: readonly Float32Array[], timings: StageTimings): Promise<Prediction[]> {
      const batch = windows.length;
      const input = new Float32Array(batch * info.windowSamples);
      windows.forEach((w, i) => input.set(w, i * info.windowSamples));
      const t0 = performance.now();
      const { logits } = await session.run(input, batch);
      timings.inference += performance.now() - t0;
      const out: Prediction[] = [];
      for (let b = 0; b < batch; b++) {
        const probabilities = softmax(logits.subarray(b * classes, (b + 1) * classes));
        let level = 0;
        for (let k = 1; k < classes; k++) if ((probabilities[k] as number) > (probabilities[level] as number)) level = k;
        out.push({ level, label: labels[level] as string, probabilities });
      }
      return out;
    },
    close() {
      return session.dispose();
    },
  };
}
