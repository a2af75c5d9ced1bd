/**
 * @module The server's configuration from command-line flags and environment variables, with
 * defaults, validated up front: a bad value stops start-up with a message naming it.
 */
import type { RuntimeName } from '@painkd/runtime';

/** Everything `main` needs to start a server. */
export interface ServerConfig {
  /** Artifact folder (manifest.json + student.int8.onnx). */
  readonly modelDir: string;
  readonly port: number;
  readonly host: string;
  readonly runtime: RuntimeName | 'auto';
  readonly threads: number;
  /** Worker threads for preprocessing + inference; 0 = on the event loop. */
  readonly workers: number;
  readonly hopSeconds: number;
  /** Bearer token, when auth is on. */
  readonly token: string | undefined;
  /** Allowed CORS origins; empty = no CORS headers. */
  readonly corsOrigins: readonly string[];
  /** How long SIGTERM waits for in-flight requests before closing connections, ms. */
  readonly shutdownGraceMs: number;
  /** `redis://host:port`: stream sessions live in this Redis, shared by every replica; unset = in memory. */
  readonly redisUrl: string | undefined;
}

/**
 * A flag or variable that cannot be used.
 *
 * @example
 * throw new ConfigError('--port must be an integer from 0 to 65535, got "x"');
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
}

/** What `--help` prints. */
export const USAGE = `painkd edge API

Usage: edge-api [--model <dir>] [--port <n>] [--host <addr>] [--runtime auto|node|web] [--threads <n>] [--workers <n>] [--hop <seconds>]

Flags override environment variables:
  --model    EDGE_MODEL_DIR     artifact folder (default: the bundled default student)
  --port     PORT               listening port (default 8080; 0 = any free port)
  --host     HOST               listening address (default 0.0.0.0)
  --runtime  EDGE_RUNTIME       auto (onnxruntime-node, else WASM) | node | web (default auto)
  --threads  EDGE_THREADS       ONNX intra-op threads (default 1)
  --workers  EDGE_WORKERS       worker threads for preprocessing + inference (default 0: on the event loop)
  --hop      EDGE_HOP_SECONDS   streaming hop in seconds (default 1)
             EDGE_API_TOKEN     require "Authorization: Bearer <token>" (health probes stay open)
             EDGE_CORS_ORIGINS  comma-separated allowed origins, or * (default: CORS off)
             EDGE_SHUTDOWN_GRACE_MS  SIGTERM drain time (default 10000)
             EDGE_REDIS_URL     redis://host:port — stream sessions in Redis, shared by replicas (default: in memory)
`;

function flagValues(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument ${arg}\n\n${USAGE}`);
    const eq = arg.indexOf('=');
    if (eq !== -1) {
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      continue;
    }
    const name = arg.slice(2);
    if (name === 'help') {
      flags.set('help', 'true');
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ConfigError(`--${name} needs a value`);
    flags.set(name, value);
    i++;
  }
  const known = new Set(['model', 'port', 'host', 'runtime', 'threads', 'workers', 'hop', 'help']);
  for (const name of flags.keys()) if (!known.has(name)) throw new ConfigError(`unknown flag --${name}\n\n${USAGE}`);
  return flags;
}

function integer(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  return n;
}

/**
 * Reads the configuration; `defaultModelDir` is used when neither `--model` nor `EDGE_MODEL_DIR`
 * is given. Returns `'help'` for `--help`.
 *
 * @example
 * const config = loadServerConfig(process.argv.slice(2), process.env, 'apps/edge-api/model');
 */
export function loadServerConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, defaultModelDir: string): ServerConfig | 'help' {
  const flags = flagValues(argv);
  if (flags.has('help')) return 'help';
  const pick = (flag: string, variable: string): string | undefined => flags.get(flag) ?? (env[variable] === '' ? undefined : env[variable]);
  const runtime = pick('runtime', 'EDGE_RUNTIME') ?? 'auto';
  if (runtime !== 'auto' && runtime !== 'node' && runtime !== 'web') {
    throw new ConfigError(`EDGE_RUNTIME / --runtime must be auto, node or web, got "${runtime}"`);
  }
  const hopText = pick('hop', 'EDGE_HOP_SECONDS') ?? '1';
  const hopSeconds = Number(hopText);
  if (!Number.isFinite(hopSeconds) || hopSeconds <= 0 || hopSeconds > 60) throw new ConfigError(`--hop must be seconds in (0, 60], got "${hopText}"`);
  const cors = env['EDGE_CORS_ORIGINS'] ?? '';
  const redisUrl = env['EDGE_REDIS_URL'] === '' ? undefined : env['EDGE_REDIS_URL'];
  if (redisUrl !== undefined && !/^rediss?:\/\/[^/\s:]+(:\d+)?(\/\d+)?$/.test(redisUrl)) throw new ConfigError(`EDGE_REDIS_URL must look like redis://host:port, got "${redisUrl}"`);
  return {
    modelDir: pick('model', 'EDGE_MODEL_DIR') ?? defaultModelDir,
    port: integer(pick('port', 'PORT') ?? '8080', 'PORT / --port', 0, 65535),
    host: pick('host', 'HOST') ?? '0.0.0.0',
    runtime,
    threads: integer(pick('threads', 'EDGE_THREADS') ?? '1', 'EDGE_THREADS / --threads', 1, 64),
    workers: integer(pick('workers', 'EDGE_WORKERS') ?? '0', 'EDGE_WORKERS / --workers', 0, 64),
    hopSeconds,
    token: env['EDGE_API_TOKEN'] === '' ? undefined : env['EDGE_API_TOKEN'],
    corsOrigins: cors.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    shutdownGraceMs: integer(env['EDGE_SHUTDOWN_GRACE_MS'] ?? '10000', 'EDGE_SHUTDOWN_GRACE_MS', 0, 600_000),
    redisUrl,
  };
}
