/**
 * @module Registered network architectures: a name plus a builder turning a JSON config into the
 * layers of a {@link NetSpec}. Builders are pure, so the same name and config always give the
 * same spec.
 */
import { seedConv1d } from './archs/seed-conv1d.js';
import { studentTiny } from './archs/student-tiny.js';
import { teacherCnn } from './archs/teacher-cnn.js';
import { NetError } from './net-error.js';
import { inferShapes } from './net-shapes.js';
import type { LayerSpec, NetSpec } from './net-spec.js';

/** Input and output sizes a spec is built for. */
export interface NetIo {
  /** Samples per window (e.g. 176 = 5.5 s at 32 Hz). */
  readonly inputLength: number;
  readonly channels: number;
  readonly classes: number;
}

/** What a builder returns: the fully resolved config (defaults filled in) and the layers. */
export interface ArchBuild {
  readonly config: Readonly<Record<string, unknown>>;
  readonly layers: readonly LayerSpec[];
}

/** Turns a (partial) config into layers; throws `NetError('NET_BAD_CONFIG')` on bad values. */
export type ArchBuilder = (config: Readonly<Record<string, unknown>>, io: NetIo) => ArchBuild;

const archs = new Map<string, ArchBuilder>([
  ['teacher-cnn', teacherCnn],
  ['student-tiny', studentTiny],
  ['seed-conv1d', seedConv1d],
]);

/**
 * Registers an architecture under `name`; throws `NET_ARCH_EXISTS` if the name is taken.
 *
 * @example
 * registerArch('mlp', (config, io) => ({ config, layers: [{ kind: 'flatten', name: 'flat' }, { kind: 'dense', name: 'logits', units: io.classes, useBias: true }] }));
 */
export function registerArch(name: string, builder: ArchBuilder): void {
  if (archs.has(name)) throw new NetError('NET_ARCH_EXISTS', `architecture "${name}" is already registered`);
  archs.set(name, builder);
}

/** Registered architecture names, sorted. */
export function listArchs(): string[] {
  return [...archs.keys()].sort();
}

/**
 * Builds the spec of a registered architecture. The returned `config` has every default filled
 * in, so `buildNetSpec(spec.arch, spec.config, io)` reproduces the spec exactly.
 *
 * @example
 * ```ts
 * const spec = buildNetSpec('teacher-cnn', {}, { inputLength: 176, channels: 1, classes: 5 });
 * const net = createNet(spec, { seed: 1 });
 * ```
 */
export function buildNetSpec(arch: string, config: Readonly<Record<string, unknown>>, io: NetIo): NetSpec {
  const builder = archs.get(arch);
  if (!builder) throw new NetError('NET_ARCH_UNKNOWN', `unknown architecture "${arch}"; registered: ${listArchs().join(', ')}`);
  for (const [key, value] of Object.entries(io)) {
    if (!Number.isInteger(value) || value < 1) throw new NetError('NET_BAD_CONFIG', `${key} must be a positive integer, got ${String(value)}`);
  }
  const built = builder(config, io);
  const spec: NetSpec = {
    arch,
    config: built.config,
    input: { length: io.inputLength, channels: io.channels },
    classes: io.classes,
    layers: built.layers,
  };
  try {
    inferShapes(spec);
  } catch (error) {
    if (error instanceof NetError) throw new NetError('NET_BAD_CONFIG', `${arch} with this config does not fit input length ${io.inputLength}: ${error.message}`);
    throw error;
  }
  return spec;
}
