/**
 * @module A priority-ordered registry of tfjs backend candidates, modelled on onnxruntime
 * `js/common`'s backend resolution: try each candidate in order, remember why each one failed,
 * use the first that initialises, and when none does, throw one error listing every reason.
 */
import { BackendError, type BackendAttempt } from './backend-error.js';
import type { GpuAdapterInfo } from './gpu-adapter.js';

/** Options every candidate receives. */
export interface BackendInitOptions {
  /** Worker threads for backends that support them (wasm in browsers); ignored elsewhere. */
  readonly threads?: number;
}

/** How a candidate is being tried. */
export interface BackendInitContext {
  /** Chosen by `auto` rather than by name: a candidate may then refuse a poor device (a software GPU). */
  readonly auto: boolean;
}

/** What an initialised candidate reports about itself. */
export interface BackendDetails {
  /** The GPU adapter it computes on (WebGPU). */
  readonly adapter?: GpuAdapterInfo;
}

/** One backend a registry can try. */
export interface BackendCandidate {
  /** Name users select it by (e.g. `wasm`); also the key in `tried`. */
  readonly name: string;
  /** Lower runs first under `auto`. */
  readonly priority: number;
  /** Loads and activates the backend; throws (with a readable message) when it cannot. */
  init(options: BackendInitOptions, context: BackendInitContext): Promise<BackendDetails | void>;
}

/** What resolution chose and what it tried on the way. */
export interface BackendResolution {
  /** The candidate that is now active. */
  readonly name: string;
  /** Every candidate tried, in order, with failure reasons. */
  readonly tried: readonly BackendAttempt[];
  /** The GPU adapter, when the chosen backend computes on one. */
  readonly adapter?: GpuAdapterInfo;
}

/** A set of candidates resolved by priority. */
export interface BackendRegistry {
  /** Adds (or replaces, by name) a candidate. */
  register(candidate: BackendCandidate): void;
  /** Candidate names, highest priority first. */
  names(): string[];
  /** Tries `auto` (all candidates by priority) or exactly one named candidate. */
  resolve(name: string, options?: BackendInitOptions): Promise<BackendResolution>;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

/**
 * Creates an empty registry.
 *
 * @example
 * ```ts
 * const registry = createBackendRegistry();
 * registry.register({ name: 'cpu', priority: 100, init: async () => { await tf.setBackend('cpu'); } });
 * const { name, tried } = await registry.resolve('auto');
 * ```
 */
export function createBackendRegistry(): BackendRegistry {
  const candidates = new Map<string, BackendCandidate>();
  const ordered = (): BackendCandidate[] => [...candidates.values()].sort((a, b) => a.priority - b.priority);
  return {
    register(candidate) {
      candidates.set(candidate.name, candidate);
    },
    names() {
      return ordered().map((c) => c.name);
    },
    async resolve(name, options = {}) {
      if (options.threads !== undefined && (!Number.isInteger(options.threads) || options.threads < 1)) {
        throw new BackendError('BACKEND_BAD_OPTIONS', `threads must be a positive integer, got ${options.threads}`);
      }
      let queue: BackendCandidate[];
      if (name === 'auto') {
        queue = ordered();
      } else {
        const one = candidates.get(name);
        if (!one) {
          throw new BackendError('BACKEND_UNKNOWN', `unknown backend "${name}"; known: auto, ${ordered().map((c) => c.name).join(', ')}`);
        }
        queue = [one];
      }
      const tried: BackendAttempt[] = [];
      for (const candidate of queue) {
        try {
          const details = await candidate.init(options, { auto: name === 'auto' });
          tried.push({ name: candidate.name, ok: true });
          return { name: candidate.name, tried, ...(details?.adapter ? { adapter: details.adapter } : {}) };
        } catch (error) {
          tried.push({ name: candidate.name, ok: false, reason: reasonOf(error) });
        }
      }
      const summary = tried.map((t) => `${t.name}: ${t.reason ?? 'failed'}`).join('; ');
      throw new BackendError('BACKEND_UNAVAILABLE', `no tfjs backend could be initialised (${summary})`, tried);
    },
  };
}
