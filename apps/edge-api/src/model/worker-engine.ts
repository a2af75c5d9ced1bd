/**
 * @module An {@link InferenceEngine} on worker threads: the event loop parses requests and writes
 * responses; preprocessing and ONNX inference (micro-batched per worker) run in `n` workers, each
 * with its own verified copy of the model. A request goes to the worker with the fewest pending.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '@painkd/signals/node';
import { ApiError } from '../errors/api-error.js';
import type { RawWindow } from '../validation/parse-window.js';
import type { InferenceEngine } from './inference-engine.js';
import type { RunObserver } from './micro-batcher.js';
import { StartupError, type LoadPredictorOptions } from './onnx-predictor.js';
import type { Prediction, StageTimings } from './predictor.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

interface Pending {
  readonly resolve: (p: Prediction[]) => void;
  readonly reject: (e: unknown) => void;
  readonly timings: StageTimings;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  alive: boolean;
}

/** The worker module: the bundled `engine-worker.mjs` beside the bundle, else the TypeScript source. */
function workerModule(): URL {
  const bundled = new URL('./engine-worker.mjs', import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./engine-worker.ts', import.meta.url);
}

function transferable(arrays: readonly Float32Array[]): { copies: Float32Array[]; buffers: ArrayBuffer[] } {
  const copies = arrays.map((a) => (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.buffer instanceof ArrayBuffer ? a : a.slice()));
  return { copies, buffers: copies.map((a) => a.buffer as ArrayBuffer) };
}

/**
 * Worker-thread inference; create with {@link WorkerEngine.start}.
 *
 * @example
 * const engine = await WorkerEngine.start(2, 'apps/edge-api/model', { runtime: 'auto' });
 */
export class WorkerEngine implements InferenceEngine {
  private observer: RunObserver = () => undefined;
  private nextId = 1;

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
      const fail = (): void => {
        slot.alive = false;
        for (const p of slot.pending.values()) p.reject(new ApiError('INTERNAL', 'an inference worker stopped'));
        slot.pending.clear();
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', fail);
    }
  }

  /** Starts `count` workers, each loading and verifying `modelDir`; rejects with a {@link StartupError}. */
  static async start(count: number, modelDir: string, options: LoadPredictorOptions): Promise<WorkerEngine> {
    const url = workerModule();
    const started = await Promise.allSettled(
      Array.from({ length: count }, async () => {
        const worker = startModuleWorker(url, { workerData: { modelDir, options } });
        const ready = new Promise<void>((resolve, reject) => {
          const onMessage = (reply: WorkerReply): void => {
            if (reply.type === 'ready') resolve();
            else if (reply.type === 'fatal') reject(new StartupError('WORKER_START_FAILED', reply.message));
            if (reply.type === 'ready' || reply.type === 'fatal') worker.off('message', onMessage);
          };
          worker.on('message', onMessage);
          worker.once('error', (error) => reject(new StartupError('WORKER_START_FAILED', `refusing to start: an inference worker failed: ${error.message}`)));
        });
        return { worker, ready };
      }).map(async (p) => {
        const { worker, ready } = await p;
        try {
          await ready;
        } catch (error) {
          await worker.terminate();
          throw error;
        }
        return { worker, pending: new Map<number, Pending>(), alive: true };
      }),
    );
    const slots = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure !== undefined) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw failure.reason;
    }
    return new WorkerEngine(slots);
  }

  onRun(observer: RunObserver): void {
    this.observer = observer;
  }

  predictRaw(windows: readonly RawWindow[], timings: StageTimings): Promise<Prediction[]> {
    const { copies, buffers } = transferable(windows.map((w) => w.samples));
    return this.send((id) => ({ type: 'raw', id, samples: copies, rates: windows.map((w) => w.sampleRate) }), buffers, timings);
  }

  predictPreprocessed(inputs: readonly Float32Array[], timings: StageTimings): Promise<Prediction[]> {
    const { copies, buffers } = transferable(inputs);
    return this.send((id) => ({ type: 'pre', id, inputs: copies }), buffers, timings);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        if (!slot.alive) return;
        const exited = new Promise<void>((resolve) => slot.worker.once('exit', () => resolve()));
        slot.worker.postMessage({ type: 'close' } satisfies WorkerRequest);
        const timer = setTimeout(() => void slot.worker.terminate(), 2000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private send(make: (id: number) => WorkerRequest, transfer: ArrayBuffer[], timings: StageTimings): Promise<Prediction[]> {
    let slot: Slot | undefined;
    for (const s of this.slots) if (s.alive && (slot === undefined || s.pending.size < slot.pending.size)) slot = s;
    if (slot === undefined) return Promise.reject(new ApiError('INTERNAL', 'no inference worker is running'));
    const id = this.nextId++;
    const target = slot;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject, timings });
      target.worker.postMessage(make(id), transfer);
    });
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.type === 'run') {
      this.observer(reply.ms, reply.batch);
      return;
    }
    if (reply.type !== 'result' && reply.type !== 'error') return;
    const pending = slot.pending.get(reply.id);
    if (pending === undefined) return;
    slot.pending.delete(reply.id);
    if (reply.type === 'error') {
      pending.reject(new ApiError(reply.error.code, reply.error.message, { path: reply.error.path, details: reply.error.details }));
      return;
    }
    pending.timings.resample += reply.timings.resample;
    pending.timings.filter += reply.timings.filter;
    pending.timings.inference += reply.timings.inference;
    pending.resolve(reply.predictions);
  }
}
