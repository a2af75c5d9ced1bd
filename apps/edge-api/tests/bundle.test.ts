/**
 * @module The deploy bundle: `scripts/bundle.mjs` output installs with production dependencies
 * only (`npm ci --omit=dev`, offline from the warm cache), starts, serves a prediction, stops on
 * SIGTERM, and refuses a tampered model or an invalid manifest with a clear message.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToExit, spawnServer } from './support/spawn-server.js';
import { syntheticWindow } from './support/test-server.js';

const run = promisify(execFile);
const bundleScript = fileURLToPath(new URL('../scripts/bundle.mjs', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edge-bundle-'));
  await run(process.execPath, [bundleScript, dir]);
  const npm = (mode: string) => run('npm', ['ci', '--omit=dev', mode, '--no-audit', '--no-fund'], { cwd: dir, env: { ...process.env, NODE_ENV: 'production' } });
  await npm('--offline').catch(() => npm('--prefer-offline'));
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('deploy bundle', () => {
  it('holds only the server, the model and production dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies?: unknown };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['onnxruntime-node', 'onnxruntime-web']);
    expect(pkg.devDependencies).toBeUndefined();
    expect(existsSync(join(dir, 'model/manifest.json'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/onnxruntime-node'))).toBe(true);
    for (const absent of ['@tensorflow', 'hono', 'zod', 'vitest', 'typescript', '@painkd']) expect(existsSync(join(dir, 'node_modules', absent))).toBe(false);
    expect(readFileSync(join(dir, 'server.mjs'), 'utf8')).not.toContain('@tensorflow/tfjs');
  });

  it('starts from the installed folder, predicts, and stops on SIGTERM', async () => {
    const server = await spawnServer(['server.mjs'], { cwd: dir });
    try {
      const samples = Array.from(syntheticWindow(512));
      const res = await fetch(`${server.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ samples, sampleRate: 512 }) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { probabilities: number[]; model: { sha256: string } };
      expect(body.probabilities).toHaveLength(5);
      const manifest = JSON.parse(readFileSync(join(dir, 'model/manifest.json'), 'utf8')) as { files: { sha256: string }[] };
      expect(body.model.sha256).toBe(manifest.files[0]?.sha256);
    } finally {
      expect(await server.terminate()).toBe(0);
    }
    expect(server.output()).toContain('stopped');
  });

  it('serves on the WASM runtime with EDGE_RUNTIME=web, in a worker thread with EDGE_WORKERS=1', async () => {
    const server = await spawnServer(['server.mjs'], { cwd: dir, env: { EDGE_RUNTIME: 'web', EDGE_WORKERS: '1' } });
    try {
      expect(server.output()).toContain('onnxruntime-web');
      expect(server.output()).toContain('1 inference worker');
      const res = await fetch(`${server.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ samples: Array.from(syntheticWindow(4)), sampleRate: 4 }) });
      expect(res.status).toBe(200);
    } finally {
      await server.terminate();
    }
  });

  it('refuses to start on a tampered model or an invalid manifest, saying why', async () => {
    const tampered = join(dir, 'tampered');
    cpSync(join(dir, 'model'), tampered, { recursive: true });
    const onnx = join(tampered, 'student.int8.onnx');
    const bytes = readFileSync(onnx);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    writeFileSync(onnx, bytes);
    const hash = await runToExit(['server.mjs', '--model', tampered], { cwd: dir });
    expect(hash.code).toBe(1);
    expect(hash.output).toContain('refusing to start');
    expect(hash.output).toContain('MODEL_HASH_MISMATCH');
    expect(hash.output).toContain('student.int8.onnx');

    const invalid = join(dir, 'invalid');
    cpSync(join(dir, 'model'), invalid, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(invalid, 'manifest.json'), 'utf8')) as { input: { windowSamples: unknown } };
    manifest.input.windowSamples = 'lots';
    writeFileSync(join(invalid, 'manifest.json'), JSON.stringify(manifest));
    const bad = await runToExit(['server.mjs', '--model', invalid], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('ARTIFACT_INVALID_MANIFEST');
    expect(bad.output).toContain('input.windowSamples');

    const missing = await runToExit(['server.mjs', '--model', join(dir, 'nope')], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('ARTIFACT_NOT_FOUND');
    const flag = await runToExit(['server.mjs', '--runtime', 'gpu'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.output).toContain('EDGE_RUNTIME');
  });
});
