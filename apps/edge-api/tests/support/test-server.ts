/**
 * @module Test support: the default artifact served by a real server on 127.0.0.1 (port 0), plus
 * small HTTP helpers and synthetic GSR windows.
 */
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '@painkd/signals';
import { createApp, type CreateAppOptions, type EdgeApp } from '../../src/app/create-app.js';
import { loadPredictor } from '../../src/model/onnx-predictor.js';
import type { Predictor } from '../../src/model/predictor.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';

/** The artifact kept in the repo. */
export const MODEL_DIR = fileURLToPath(new URL('../../model', import.meta.url));

/** A running test server. */
export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly edge: EdgeApp;
  readonly predictor: Predictor;
  readonly server: RunningServer;
  stop(): Promise<void>;
}

/**
 * Starts the default model on a loopback port.
 *
 * @example
 * const t = await startTestServer(); await fetch(`${t.url}/v2/health/ready`); await t.stop();
 */
export async function startTestServer(options: Omit<CreateAppOptions, 'predictor'> = {}, modelDir = MODEL_DIR): Promise<TestServer> {
  const predictor = await loadPredictor(modelDir, { runtime: 'node' });
  const edge = createApp({ predictor, ...options });
  const server = await startServer(edge, { port: 0, host: '127.0.0.1' });
  return { url: server.url, port: server.port, edge, predictor, server, stop: () => server.stop(1000) };
}

/** POSTs JSON and returns status + parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown), headers: res.headers };
}

/** A deterministic GSR-like window (µS level, slow drift, one SCR, noise). */
export function syntheticWindow(sampleRate: number, seconds = 5.5, seed = 1): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  const rand = mulberry32(seed);
  const onset = 1 + rand() * 2;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const scr = t > onset ? 0.6 * (Math.exp(-(t - onset) / 2) - Math.exp(-(t - onset) / 0.5)) : 0;
    out[i] = 4 + 0.05 * t + scr + 0.01 * (rand() - 0.5);
  }
  return out;
}
