/**
 * @module The `edge-api` command: read flags/env, load and verify the model, serve (and `/metrics`
 * on its own port when asked), and stop gracefully on SIGTERM/SIGINT — or, for the dev `serve`
 * target, when its launcher exits. Refuses to start (exit 1) with a clear message when the
 * artifact fails its checks; warns when it serves beyond loopback without a token.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app/create-app.js';
import type { ApiLimits } from './config/limits.js';
import { ConfigError, loadServerConfig, USAGE, type ServerConfig } from './config/server-config.js';
import type { InferenceEngine } from './model/inference-engine.js';
import { loadPredictor, StartupError } from './model/onnx-predictor.js';
import { WorkerEngine } from './model/worker-engine.js';
import { watchLauncher } from './server/launcher-watch.js';
import { startMetricsServer, startServer, type RunningServer } from './server/start-server.js';
import { RedisSessionStore } from './sessions/redis/redis-session-store.js';

/** The default artifact: `model/` beside the bundle, or `apps/edge-api/model` from source. */
function defaultModelDir(): string {
  for (const candidate of ['./model', '../model']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${dir}/manifest.json`)) return dir;
  }
  return fileURLToPath(new URL('../model', import.meta.url));
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The start-up warnings a configuration deserves. */
function warnings(config: ServerConfig): string[] {
  const out: string[] = [];
  if (config.token === undefined && !LOOPBACK.has(config.host)) {
    out.push(`no EDGE_API_TOKEN is set and the server listens on ${config.host}, beyond loopback: anyone who can reach port ${config.port} can use it`);
  }
  return out;
}

/**
 * Runs the server until a signal stops it; returns the process exit code on start-up failure.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), process.env);
 */
export async function main(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  let config;
  try {
    config = loadServerConfig(argv, env, defaultModelDir());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`edge-api: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let predictor;
  let engine: InferenceEngine | undefined;
  try {
    const options = { runtime: config.runtime, threads: config.threads, hopSeconds: config.hopSeconds };
    predictor = await loadPredictor(config.modelDir, options);
    if (config.workers > 0) engine = await WorkerEngine.start(config.workers, config.modelDir, options);
  } catch (error) {
    if (error instanceof StartupError) {
      const hint = error.code === 'RUNTIME_UNAVAILABLE' && config.runtime === 'web' ? ' (a bundle built without --with-wasm has no onnxruntime-web)' : '';
      process.stderr.write(`edge-api: ${error.message}${hint}\n`);
      return 1;
    }
    throw error;
  }
  for (const warning of warnings(config)) process.stderr.write(`edge-api: warning: ${warning}\n`);
  const { redisUrl } = config;
  const { windowSeconds, hopSeconds } = predictor.info;
  const sessions = redisUrl ? (limits: ApiLimits) => new RedisSessionStore({ url: redisUrl, limits, windowSeconds, hopSeconds }) : undefined;
  const edge = createApp({
    predictor,
    engine,
    token: config.token,
    corsOrigins: config.corsOrigins,
    limits: config.limits,
    metrics: config.metrics,
    docsPublic: config.docsPublic,
    rejectFlagged: config.rejectFlagged,
    streamTokenTtlSeconds: config.streamTokenTtlSeconds,
    sessions,
  });
  const servers: RunningServer[] = [];
  const server = await startServer(edge, { port: config.port, host: config.host });
  const metrics = config.metrics.kind === 'port' ? await startMetricsServer(edge, { port: config.metrics.port, host: config.metrics.host }) : undefined;
  if (metrics !== undefined) servers.push(metrics);
  const info = predictor.info;
  process.stdout.write(
    `edge-api listening on ${config.host}:${server.port} — model ${info.name} ${info.version} (sha256 ${info.sha256.slice(0, 16)}…) on onnxruntime-${info.runtime}` +
      `${config.workers > 0 ? `, ${config.workers} inference worker(s)` : ''}${config.token ? ', bearer auth on' : ''}${redisUrl ? `, sessions in Redis at ${new URL(redisUrl).host}` : ''}` +
      `${metrics !== undefined ? `, metrics on ${config.metrics.kind === 'port' ? config.metrics.host : ''}:${metrics.port}` : ''}\n`,
  );
  // A launcher that exits first (nx after Ctrl-C) closes the log pipe; that must not cut the drain short.
  process.stdout.on('error', () => undefined);
  let stopped = false;
  const stop = (reason: string): void => {
    if (stopped) return;
    stopped = true;
    process.stdout.write(`edge-api: ${reason}, draining (up to ${config.shutdownGraceMs} ms)\n`);
    void Promise.all([server.stop(config.shutdownGraceMs), ...servers.map((s) => s.stop())]).then(async () => {
      await predictor.close();
      process.stdout.write('edge-api: stopped\n');
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  if (config.exitWithLauncher) watchLauncher(() => stop('the launching process exited'));
  return 0;
}

const isEntry = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntry) {
  main(process.argv.slice(2), process.env).then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`edge-api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
