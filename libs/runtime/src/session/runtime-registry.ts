/**
 * @module A registry of ONNX runtimes resolved by priority, after onnxruntime `js/common`'s backend
 * registry: `auto` tries every registered runtime from the highest priority down, keeps the first
 * that initialises and, when none does, reports every candidate's failure at once.
 */
import { RuntimeError } from '../errors.js';
import type { OnnxRuntime, RuntimeLoader, RuntimeName } from './runtime-types.js';

interface Entry {
  readonly name: RuntimeName;
  readonly priority: number;
  readonly loader: RuntimeLoader;
}

/** A set of runtimes that can be resolved by name or by priority. */
export interface RuntimeRegistry {
  /** Adds (or replaces) a runtime; higher priority is tried first by `auto`. */
  register(name: RuntimeName, priority: number, loader: RuntimeLoader): void;
  /** Names in resolution order. */
  names(): RuntimeName[];
  /**
   * Initialises `preference` (or, for `auto`, the first runtime that works, by priority) with
   * `threads` intra-op threads. Throws `RUNTIME_UNAVAILABLE` listing every failure.
   */
  resolve(preference: RuntimeName | 'auto', threads: number): Promise<OnnxRuntime>;
}

/**
 * Creates an empty registry (the default one, with onnxruntime-node and onnxruntime-web, is
 * {@link defaultRuntimeRegistry}).
 *
 * @example
 * ```ts
 * const registry = createRuntimeRegistry();
 * registry.register('web', 10, loadWebRuntime);
 * const runtime = await registry.resolve('auto', 1);
 * ```
 */
export function createRuntimeRegistry(): RuntimeRegistry {
  const entries = new Map<RuntimeName, Entry>();
  return {
    register(name, priority, loader) {
      entries.set(name, { name, priority, loader });
    },
    names() {
      return [...entries.values()].sort((a, b) => b.priority - a.priority).map((e) => e.name);
    },
    async resolve(preference, threads) {
      const candidates =
        preference === 'auto' ? this.names().map((n) => entries.get(n)!) : entries.has(preference) ? [entries.get(preference)!] : [];
      if (candidates.length === 0) {
        throw new RuntimeError('RUNTIME_UNAVAILABLE', `no ONNX runtime named "${preference}" is registered (known: ${this.names().join(', ') || 'none'})`);
      }
      const failures: string[] = [];
      for (const entry of candidates) {
        try {
          return await entry.loader(threads);
        } catch (error) {
          failures.push(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      throw new RuntimeError('RUNTIME_UNAVAILABLE', `no ONNX runtime could be initialised:\n  ${failures.join('\n  ')}`);
    },
  };
}
