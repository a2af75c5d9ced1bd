/**
 * @module The deploy bundle: `scripts/bundle.mjs` output runs as copied, without npm (node_modules
 * vendored and cut to the platform): it starts, serves a prediction, stops on SIGTERM, serves on
 * the WASM runtime when built `--with-wasm`, and refuses a tampered model or an invalid manifest
 * with a clear message. The linux-arm64 build (Raspberry Pi) is measured: at most 70 MB with
 * onnxruntime-node. And the workspace's own npm config carries no key npm warns about.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToExit, spawnServer } from './support/spawn-server.js';
import { syntheticWindow } from './support/test-server.js';

const run = promisify(execFile);
const bundleScript = fileURLToPath(new URL('../scripts/bundle.mjs', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
let work: string;
let dir: string;
let arm: string;

/** Sum of file sizes under `path`, bytes. */
function folderBytes(path: string): number {
  return readdirSync(path, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? folderBytes(join(path, e.name)) : statSync(join(path, e.name)).size), 0);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'edge-bundle-'));
  const built = join(work, 'built');
  await run(process.execPath, [bundleScript, built, '--with-wasm']);
  dir = join(work, 'deployed');
  cpSync(built, dir, { recursive: true });
  arm = join(work, 'arm64');
  await run(process.execPath, [bundleScript, arm, '--platform', 'linux-arm64']);
}, 180_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('deploy bundle', () => {
  it('holds only the server, the model and the ONNX runtimes, cut to one platform', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies?: unknown; painkd: { platform: string } };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['onnxruntime-common', 'onnxruntime-node', 'onnxruntime-web']);
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.painkd.platform).toBe(`${process.platform}-${process.arch}`);
    expect(existsSync(join(dir, 'model/manifest.json'))).toBe(true);
    expect(readdirSync(join(dir, 'node_modules')).sort()).toEqual(['onnxruntime-common', 'onnxruntime-node', 'onnxruntime-web']);
    expect(readdirSync(join(dir, 'node_modules/onnxruntime-node/bin/napi-v6'))).toEqual([process.platform]);
    expect(readdirSync(join(dir, 'node_modules/onnxruntime-node/bin/napi-v6', process.platform))).toEqual([process.arch]);
    expect(readdirSync(join(dir, 'node_modules/onnxruntime-web/dist')).sort()).toEqual(['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm', 'ort.node.min.mjs']);
    expect(readFileSync(join(dir, 'server.mjs'), 'utf8')).not.toContain('@tensorflow/tfjs');
  });

  it('for linux-arm64 (a Raspberry Pi) holds only that binary and no WASM runtime, in at most 70 MB', () => {
    expect(readdirSync(join(arm, 'node_modules')).sort()).toEqual(['onnxruntime-common', 'onnxruntime-node']);
    expect(readdirSync(join(arm, 'node_modules/onnxruntime-node/bin/napi-v6'))).toEqual(['linux']);
    expect(readdirSync(join(arm, 'node_modules/onnxruntime-node/bin/napi-v6/linux'))).toEqual(['arm64']);
    const bytes = folderBytes(arm);
    console.log(`EDGE_BUNDLE_SIZE ${JSON.stringify({ platform: 'linux-arm64', mib: Math.round((bytes / 1024 / 1024) * 10) / 10 })}`);
    expect(bytes).toBeLessThanOrEqual(70 * 1000 * 1000);
    expect(JSON.parse(readFileSync(join(arm, 'package.json'), 'utf8'))).toMatchObject({ os: ['linux'], cpu: ['arm64'], painkd: { platform: 'linux-arm64', withWasm: false } });
  });

  it('is refused a platform onnxruntime-node does not ship', async () => {
    const error = await run(process.execPath, [bundleScript, join(work, 'bad'), '--platform', 'linux-riscv64']).catch((e: unknown) => e);
    expect(String((error as { stderr?: string }).stderr)).toContain('--platform must be one of linux-arm64, linux-x64');
  });

  it('starts from the copied folder, predicts, and stops on SIGTERM', async () => {
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

  it('serves on the WASM runtime with EDGE_RUNTIME=web (built --with-wasm), in a worker thread with EDGE_WORKERS=1', async () => {
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

describe('workspace npm config', () => {
  it('has no key npm warns will stop working, and denies onnxruntime-node its install-time download', async () => {
    const { stderr } = await run('npm', ['config', 'get', 'fund'], { cwd: root });
    expect(stderr).not.toContain('Unknown project config');
    expect(readFileSync(join(root, '.npmrc'), 'utf8')).not.toContain('onnxruntime-node-install');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
    expect(existsSync(join(root, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime_providers_cuda.so'))).toBe(false);
  });
});
