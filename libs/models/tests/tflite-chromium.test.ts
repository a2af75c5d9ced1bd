/**
 * Runs the TFLite student in headless Debian Chromium, once, as a browser would: LiteRT.js
 * (@litertjs/core, ES module through an import map) and @tensorflow/tfjs-tflite (its UMD bundle
 * on tfjs-core), both loading their own wasm. Every request is answered from node_modules or from
 * memory under a made-up origin; anything else is aborted, so the test is offline by construction.
 * The fp32 model must equal the tfjs net to 1e-5, the int8 model (float I/O) must give what the
 * same runtimes give in Node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNet, exportTflite, predictNet, tfliteLogits, TFLITE_RUNTIMES } from '../src/index.js';
import { studentFixture, type StudentFixture } from '../src/tflite/test-support/tflite-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'http://painkd.test';
const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));
const MOUNTS: Readonly<Record<string, string>> = {
  '/litert/': packageDir('@litertjs/core'),
  '/wasm-utils/': packageDir('@litertjs/wasm-utils'),
  '/tfjs-core/': packageDir('@tensorflow/tfjs-core'),
  '/tfjs-cpu/': packageDir('@tensorflow/tfjs-backend-cpu'),
  '/tfjs-tflite/': packageDir('@tensorflow/tfjs-tflite'),
};
const WINDOWS = 50;

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<script src="/tfjs-core/dist/tf-core.min.js"></script>
<script src="/tfjs-cpu/dist/tf-backend-cpu.min.js"></script>
<script src="/tfjs-tflite/dist/tf-tflite.min.js"></script>
<script type="importmap">{"imports":{"@litertjs/core":"/litert/dist/index.js","@litertjs/wasm-utils":"/wasm-utils/dist/bundle.js"}}</script>
<script type="module">
import { loadLiteRt, loadAndCompile, Tensor } from '@litertjs/core';
window.runAll = async (names, windows, length) => {
  await tf.setBackend('cpu');
  tflite.setWasmPath('/tfjs-tflite/wasm/');
  await loadLiteRt('/litert/wasm/');
  const out = {};
  for (const name of names) {
    const bytes = new Uint8Array(await (await fetch('/models/' + name)).arrayBuffer());
    const compiled = await loadAndCompile(bytes, { accelerator: 'wasm' });
    const runner = await tflite.loadTFLiteModel(bytes.buffer, { numThreads: 1 });
    const litert = [];
    const tfjsTflite = [];
    for (const w of windows) {
      const x = new Tensor(new Float32Array(w), [1, length, 1]);
      const [y] = await compiled.run(x);
      litert.push(Array.from(y.toTypedArray()));
      x.delete();
      y.delete();
      const t = tf.tensor(w, [1, length, 1]);
      const r = runner.predict(t);
      tfjsTflite.push(Array.from(r.dataSync()));
      t.dispose();
      r.dispose();
    }
    compiled.delete();
    out[name] = { litert, 'tfjs-tflite': tfjsTflite };
  }
  return out;
};
window.ready = true;
</script></head><body></body></html>`;

let context: BrowserContext;
let profile: string;
let f: StudentFixture;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}; the TFLite browser test needs it. Run \`bash scripts/ensure-system.sh\` (npm test runs it first).`);
  }
  f = await studentFixture();
  profile = await mkdtemp(join(tmpdir(), 'painkd-tflite-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('request', (req) => requests.push(req.url()));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    if (url.pathname === '/') return route.fulfill({ body: PAGE, contentType: 'text/html' });
    if (url.pathname.startsWith('/models/')) return route.fulfill({ body: Buffer.from(models()[url.pathname.slice(8)] ?? []), contentType: 'application/octet-stream' });
    const mount = Object.keys(MOUNTS).find((m) => url.pathname.startsWith(m));
    const path = mount ? normalize(join(MOUNTS[mount]!, url.pathname.slice(mount.length))) : '';
    if (!mount || !path.startsWith(MOUNTS[mount]!) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    const type = path.endsWith('.wasm') ? 'application/wasm' : path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
    return route.fulfill({ body: readFileSync(path), contentType: type });
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  if (profile !== undefined) await rm(profile, { recursive: true, force: true });
});

function models(): Record<string, Uint8Array> {
  return { 'fp32.tflite': exportTflite(f.spec, f.weights), 'int8.tflite': f.tflite.floatIo };
}

describe('TFLite student in headless Chromium (LiteRT.js and tfjs-tflite), offline', () => {
  it('fp32 equals the tfjs net to 1e-5 and int8 gives what Node gives, in both runtimes', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const windows = f.windows.slice(0, WINDOWS);
    const result = (await page.evaluate(
      ([names, w]) => (window as unknown as { runAll: (n: string[], w: number[][], l: number) => Promise<unknown> }).runAll(names, w, 176),
      [Object.keys(models()), windows.map((x) => Array.from(x))] as const,
    )) as Record<string, Record<string, number[][]>>;
    await page.close();
    expect(errors).toEqual([]);

    const net = createNet(f.spec, { seed: 1 });
    net.setWeights(f.weights);
    const packed = new Float32Array(WINDOWS * 176);
    windows.forEach((w, i) => packed.set(w, i * 176));
    const tfjs = predictNet(net, packed, WINDOWS).logits;
    net.dispose();
    for (const runtime of TFLITE_RUNTIMES) {
      const fp32 = result['fp32.tflite']![runtime]!.flat();
      expect(Math.max(...fp32.map((v, i) => Math.abs(v - tfjs[i]!))), `${runtime} fp32`).toBeLessThanOrEqual(1e-5);
      const node = await tfliteLogits(f.tflite.floatIo, windows, runtime);
      const int8 = result['int8.tflite']![runtime]!.flat();
      expect(Math.max(...int8.map((v, i) => Math.abs(v - node[i]!))), `${runtime} int8`).toBeLessThanOrEqual(1e-6);
    }
    expect(requests.every((u) => u.startsWith(`${ORIGIN}/`))).toBe(true);
  });
});
