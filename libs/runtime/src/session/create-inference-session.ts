/**
 * @module The painkd inference session: one ONNX model with the `input [batch, length, channels]`
 * → `logits [batch, classes]` interface, on the first ONNX runtime that works (onnxruntime-node,
 * then onnxruntime-web), fed and read as flat Float32Arrays.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { RuntimeError } from '../errors.js';
import { defaultRuntimeRegistry } from './default-registry.js';
import type { RuntimeRegistry } from './runtime-registry.js';
import type { RuntimeName } from './runtime-types.js';

/** Options of {@link createInferenceSession}. */
export interface CreateInferenceSessionOptions {
  /** Which runtime: `auto` (default) = onnxruntime-node, else onnxruntime-web. */
  readonly runtime?: RuntimeName | 'auto';
  /** Intra-op threads (default 1: predictable latency on small models). */
  readonly threads?: number;
  /** Registry to resolve runtimes from (default {@link defaultRuntimeRegistry}). */
  readonly registry?: RuntimeRegistry;
}

/** Every float output of one run, flat and row-major; `logits` is `[batch, classes]`. */
export type InferenceOutputs = { readonly logits: Float32Array } & Readonly<Record<string, Float32Array>>;

/** A loaded model ready to run. */
export interface PainkdInferenceSession {
  /** The runtime actually used. */
  readonly runtime: RuntimeName;
  /** Model input shape: `[batchDim, length, channels]`, batchDim symbolic (e.g. `'batch'`) or fixed. */
  readonly inputShape: readonly [batch: string | number, length: number, channels: number];
  /** Names of the model's outputs (always including `logits`). */
  readonly outputNames: readonly string[];
  /**
   * Runs `batch` windows packed row-major in `input` (`batch × length × channels` values).
   * Runs on one session are queued, so concurrent callers are safe.
   */
  run(input: Float32Array, batch: number): Promise<InferenceOutputs>;
  /** Releases the native/WASM session; later `run` calls fail with `SESSION_DISPOSED`. */
  dispose(): Promise<void>;
}

/**
 * Loads an ONNX model (bytes, or a file path in Node) into an inference session.
 *
 * @example
 * ```ts
 * const session = await createInferenceSession('artifacts/student.int8.onnx', { runtime: 'auto', threads: 1 });
 * const [, length, channels] = session.inputShape;
 * const { logits } = await session.run(new Float32Array(length * channels), 1);
 * await session.dispose();
 * ```
 */
export async function createInferenceSession(
  model: Uint8Array | string,
  options: CreateInferenceSessionOptions = {},
): Promise<PainkdInferenceSession> {
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new RuntimeError('BAD_INPUT', `threads must be a positive integer, got ${threads}`);
  const bytes = typeof model === 'string' ? await readModelFile(model) : model;
  const runtime = await (options.registry ?? defaultRuntimeRegistry).resolve(options.runtime ?? 'auto', threads);
  let session: InferenceSession;
  try {
    session = await runtime.createSession(bytes);
  } catch (error) {
    throw new RuntimeError('MODEL_LOAD_FAILED', `${runtime.name} runtime rejected the model: ${message(error)}`, undefined, { cause: error });
  }
  const inputShape = modelInputShape(session);
  if (!session.outputNames.includes('logits')) {
    await session.release();
    throw new RuntimeError('MODEL_BAD_INTERFACE', `the model has no "logits" output (outputs: ${session.outputNames.join(', ')})`);
  }
  const [, length, channels] = inputShape;
  const inputName = session.inputNames[0]!;
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;

  const runOnce = async (input: Float32Array, batch: number): Promise<InferenceOutputs> => {
    if (disposed) throw new RuntimeError('SESSION_DISPOSED', 'the inference session was disposed');
    let results: InferenceSession.ReturnType;
    try {
      results = await session.run({ [inputName]: runtime.floatTensor(input, [batch, length, channels]) });
    } catch (error) {
      throw new RuntimeError('INFERENCE_FAILED', `${runtime.name} inference failed: ${message(error)}`, undefined, { cause: error });
    }
    const outputs: Record<string, Float32Array> = {};
    for (const [name, value] of Object.entries(results)) {
      const data = value.data;
      outputs[name] = data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
    }
    return outputs as InferenceOutputs;
  };

  return {
    runtime: runtime.name,
    inputShape,
    outputNames: [...session.outputNames],
    run(input, batch) {
      if (!Number.isInteger(batch) || batch < 1) return Promise.reject(new RuntimeError('BAD_INPUT', `batch must be a positive integer, got ${batch}`));
      if (input.length !== batch * length * channels) {
        return Promise.reject(new RuntimeError('BAD_INPUT', `input has ${input.length} values, expected ${batch} × ${length} × ${channels} = ${batch * length * channels}`));
      }
      const next = queue.then(() => runOnce(input, batch));
      queue = next.catch(() => undefined);
      return next;
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await queue;
      await session.release();
    },
  };
}

function modelInputShape(session: InferenceSession): readonly [string | number, number, number] {
  const meta = session.inputMetadata[0];
  const shape = meta && meta.isTensor ? meta.shape : undefined;
  if (session.inputNames.length !== 1 || !shape || shape.length !== 3 || typeof shape[1] !== 'number' || typeof shape[2] !== 'number') {
    throw new RuntimeError('MODEL_BAD_INTERFACE', `expected one float input [batch, length, channels], got ${session.inputNames.length} input(s) with shape ${JSON.stringify(shape)}`);
  }
  return [shape[0]!, shape[1], shape[2]];
}

async function readModelFile(path: string): Promise<Uint8Array> {
  const { readFile } = await import('node:fs/promises');
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new RuntimeError('MODEL_FILE_MISSING', `cannot read model file ${path}: ${message(error)}`, undefined, { cause: error });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
