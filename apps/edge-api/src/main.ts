/**
 * @module The `edge-api` command: read flags/env, load and verify the model, serve, and stop
 * gracefully on SIGTERM/SIGINT. Refuses to start (exit 1) with a clear message when the artifact
 * fails its checks.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app/create-app.js';
import type { ApiLimits } from './config/limits.js';
import { ConfigError, loadServerConfig, USAGE } from './config/server-config.js';
import type { InferenceEngine } from './model/inference-engine.js';
import { loadPredictor, StartupError } from './model/onnx-predictor.js';
import { RedisSessionStore } from './sessions/redis/redis-session-store.js';
import { WorkerEngine } from './model/worker-engine.js';
import { startServer } from './server/start-server.js';

/** The default artifact: `model/` beside the bundle, or `apps/edge-api/model` from source. */
function defaultModelDir(): string {
  for (const candidate of ['./model', '../model']) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${dir}/manifest.json`)) return dir;
  }
  return fileURLToPath(new URL('../model', import.meta.url));
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
      process.stderr.write(`edge-api: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const { redisUrl } = config;
  const sharedSessions = redisUrl ? (limits: ApiLimits) => new RedisSessionStore({ url: redisUrl, limits, windowSeconds: predictor.info.windowSeconds, hopSeconds: predictor.info.hopSeconds }) : undefined;
  const edge = createApp({ predictor, engine, token: config.token, corsOrigins: config.corsOrigins, ...(sharedSessions ? { sharedSessions } : {}) });
  const server = await startServer(edge, { port: config.port, host: config.host });
  const info = predictor.info;
  process.stdout.write(
    `edge-api listening on ${config.host}:${server.port} — model ${info.name} ${info.version} (sha256 ${info.sha256.slice(0, 16)}…) on onnxruntime-${info.runtime}` +
      `${config.workers > 0 ? `, ${config.workers} inference worker(s)` : ''}${config.token ? ', bearer auth on' : ''}${redisUrl ? `, sessions in Redis at ${new URL(redisUrl).host}` : ''}\n`,
  );
  const stop = (signal: string): void => {
    process.stdout.write(`edge-api: ${signal}, draining (up to ${config.shutdownGraceMs} ms)\n`);
    void server.stop(config.shutdownGraceMs).then(async () => {
      await predictor.close();
      process.stdout.write('edge-api: stopped\n');
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
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
