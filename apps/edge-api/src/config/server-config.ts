/**
 * @module The server's configuration from command-line flags and environment variables, with
 * defaults, validated up front: a bad value stops start-up with a message naming it.
 */
import type { RuntimeName } from '@painkd/runtime';
import type { ApiLimits } from './limits.js';

/** Who may read `/metrics`. */
export type MetricsAccess =
  /** With the API token (the default). */
  | { readonly kind: 'api' }
  /** Anyone who can reach the port. */
  | { readonly kind: 'open' }
  /** With its own token (`EDGE_METRICS_TOKEN`), not the API token. */
  | { readonly kind: 'token'; readonly token: string }
  /** Only on a separate listener (`EDGE_METRICS_PORT`), open there; not on the API port. */
  | { readonly kind: 'port'; readonly port: number; readonly host: string };

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
  /** Limits set from the environment (the rest keep their defaults). */
  readonly limits: Partial<ApiLimits>;
  /** Answer windows that fail a plausibility check with 422 (streams: a `rejected` entry) instead of predicting them. */
  readonly rejectFlagged: boolean;
  readonly metrics: MetricsAccess;
  /** Serve `/docs` and `/openapi.json` without a token. */
  readonly docsPublic: boolean;
  /** Lifetime of the stream tokens `POST /v1/streams/{id}/token` issues, s. */
  readonly streamTokenTtlSeconds: number;
  /** Stop when the process that launched this one goes away (the dev `serve` target sets it). */
  readonly exitWithLauncher: boolean;
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
  constructor(message: string, options: { cause?: unknown; details?: Readonly<Record<string, unknown>> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}

/** What `--help` prints. */
export const USAGE = `painkd edge API

Usage: edge-api [--model <dir>] [--port <n>] [--host <addr>] [--runtime auto|node|web] [--threads <n>] [--workers <n>] [--hop <seconds>] [--reject-flagged]

Flags override environment variables:
  --model    EDGE_MODEL_DIR     artifact folder (default: the bundled default student)
  --port     PORT               listening port (default 8080; 0 = any free port)
  --host     HOST               listening address (default 0.0.0.0)
  --runtime  EDGE_RUNTIME       auto (onnxruntime-node, else WASM) | node | web (default auto)
  --threads  EDGE_THREADS       ONNX intra-op threads (default 1)
  --workers  EDGE_WORKERS       worker threads for preprocessing + inference (default 0: on the event loop)
  --hop      EDGE_HOP_SECONDS   hop between windows of a stream or a long recording, s (default 1)
  --reject-flagged  EDGE_REJECT_FLAGGED=true  answer implausible windows with 422 instead of predicting them
             EDGE_API_TOKEN     require "Authorization: Bearer <token>" (health probes stay open)
             EDGE_METRICS_TOKEN /metrics takes this token instead of the API token
             EDGE_METRICS_PUBLIC=true  /metrics without a token
             EDGE_METRICS_PORT  serve /metrics only on this port (EDGE_METRICS_HOST, default 127.0.0.1)
             EDGE_DOCS_PUBLIC=true  /docs and /openapi.json without a token
             EDGE_STREAM_TOKEN_TTL_SECONDS  lifetime of SSE stream tokens (default 300)
             EDGE_CORS_ORIGINS  comma-separated allowed origins, or * (default: CORS off)
             EDGE_MAX_BODY_BYTES  largest request body (default 4194304)
             EDGE_REQUEST_TIMEOUT_MS  a request body must arrive within this (default 120000)
             EDGE_STREAM_IDLE_MS  an NDJSON upload without a line for this long ends (default 60000)
             EDGE_SHUTDOWN_GRACE_MS  SIGTERM drain time (default 10000)
             EDGE_REDIS_URL     redis://host:port — stream sessions in Redis, shared by replicas (default: in memory)
`;

const VALUE_FLAGS = new Set(['model', 'port', 'host', 'runtime', 'threads', 'workers', 'hop']);
const SWITCHES = new Set(['help', 'reject-flagged', 'exit-with-launcher']);

function flagValues(argv: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument ${arg}\n\n${USAGE}`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!VALUE_FLAGS.has(name) && !SWITCHES.has(name)) throw new ConfigError(`unknown flag --${name}\n\n${USAGE}`);
    if (eq !== -1) {
      flags.set(name, arg.slice(eq + 1));
      continue;
    }
    if (SWITCHES.has(name)) {
      flags.set(name, 'true');
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new ConfigError(`--${name} needs a value`);
    flags.set(name, value);
    i++;
  }
  return flags;
}

function integer(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${text}"`);
  return n;
}

function boolean(text: string | undefined, name: string): boolean {
  if (text === undefined || text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  throw new ConfigError(`${name} must be true or false, got "${text}"`);
}

function metricsAccess(env: Readonly<Record<string, string | undefined>>): MetricsAccess {
  const set = (name: string): string | undefined => (env[name] === '' ? undefined : env[name]);
  const token = set('EDGE_METRICS_TOKEN');
  const open = boolean(env['EDGE_METRICS_PUBLIC'], 'EDGE_METRICS_PUBLIC');
  const port = set('EDGE_METRICS_PORT');
  if ([token !== undefined, open, port !== undefined].filter(Boolean).length > 1) {
    throw new ConfigError('set at most one of EDGE_METRICS_TOKEN, EDGE_METRICS_PUBLIC and EDGE_METRICS_PORT');
  }
  if (token !== undefined) return { kind: 'token', token };
  if (open) return { kind: 'open' };
  if (port !== undefined) return { kind: 'port', port: integer(port, 'EDGE_METRICS_PORT', 0, 65535), host: set('EDGE_METRICS_HOST') ?? '127.0.0.1' };
  return { kind: 'api' };
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
  const limit = (variable: string, min: number, max: number): number | undefined => {
    const text = env[variable];
    return text === undefined || text === '' ? undefined : integer(text, variable, min, max);
  };
  const limits: Partial<ApiLimits> = Object.fromEntries(
    Object.entries({
      maxBodyBytes: limit('EDGE_MAX_BODY_BYTES', 1024, 1024 * 1024 * 1024),
      requestTimeoutMs: limit('EDGE_REQUEST_TIMEOUT_MS', 100, 3_600_000),
      streamIdleMs: limit('EDGE_STREAM_IDLE_MS', 100, 86_400_000),
    }).filter(([, v]) => v !== undefined),
  );
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
    limits,
    rejectFlagged: boolean(pick('reject-flagged', 'EDGE_REJECT_FLAGGED'), 'EDGE_REJECT_FLAGGED / --reject-flagged'),
    metrics: metricsAccess(env),
    docsPublic: boolean(env['EDGE_DOCS_PUBLIC'], 'EDGE_DOCS_PUBLIC'),
    streamTokenTtlSeconds: integer(env['EDGE_STREAM_TOKEN_TTL_SECONDS'] ?? '300', 'EDGE_STREAM_TOKEN_TTL_SECONDS', 10, 86_400),
    exitWithLauncher: flags.has('exit-with-launcher'),
    redisUrl,
  };
}
