/**
 * @module `npx nx run edge-api:bundle` — builds `dist/edge-api/`, everything an edge box needs:
 * - `server.mjs`: the API bundled by esbuild (Hono, zod, @painkd/signals and @painkd/runtime
 *   inlined; ONNX Runtime left external because it ships native / WASM binaries), and
 *   `engine-worker.mjs`, the inference worker thread used with `EDGE_WORKERS`;
 * - `model/`: the default artifact (manifest.json + student.int8.onnx); with `--tflite <artifactDir>`
 *   also that run's student.int8.tflite (see bundle-tflite.mjs);
 * - `package.json`: production dependencies only (onnxruntime-node, onnxruntime-web), pinned to
 *   the versions the workspace tests with, and a `package-lock.json` cut from the workspace lock
 *   (their dependency closure, same versions and integrity hashes, so `npm ci` is reproducible
 *   and works offline from a warm cache); `.npmrc` skipping onnxruntime-node's optional CUDA download.
 * Deploy: copy the folder, `npm install --omit=dev`, `node server.mjs` (see apps/edge-api/README.md).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { shipTflite, tfliteOption } from './bundle-tflite.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const app = resolve(here, '..');
const root = resolve(app, '../..');
const { tflite, args } = tfliteOption(process.argv.slice(2));
const out = resolve(args[0] ?? join(root, 'dist/edge-api'));
const external = ['onnxruntime-node', 'onnxruntime-web'];
const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const own = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: { server: join(app, 'src/main.ts'), 'engine-worker': join(app, 'src/model/engine-worker.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@painkd/source'],
  external,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  banner: { js: "import { createRequire as __edgeCreateRequire } from 'node:module'; const require = __edgeCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs);
const forbidden = inputs.filter((p) => p.includes('@tensorflow') || p.includes('libs/models/') || p.includes('libs/distill/'));
if (forbidden.length > 0) throw new Error(`the bundle must not contain TensorFlow.js or training code: ${forbidden.join(', ')}`);
cpSync(join(app, 'model'), join(out, 'model'), { recursive: true });
if (tflite) shipTflite(resolve(tflite), join(out, 'model'));
writeFileSync(
  join(out, 'package.json'),
  `${JSON.stringify(
    {
      name: 'painkd-edge-api',
      version: own.version,
      private: true,
      description: own.description,
      type: 'module',
      main: 'server.mjs',
      bin: { 'painkd-edge-api': 'server.mjs' },
      scripts: { start: 'node server.mjs' },
      engines: { node: '>=20' },
      dependencies: Object.fromEntries(external.map((name) => [name, version(name)])),
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(out, 'package-lock.json'), `${JSON.stringify(productionLock(own.version), null, 2)}\n`);
writeFileSync(join(out, '.npmrc'), 'onnxruntime-node-install=skip\nfund=false\naudit=false\n');
const size = readFileSync(join(out, 'server.mjs')).length;
process.stdout.write(`bundle: ${out} (server.mjs ${(size / 1024).toFixed(0)} KiB, ${inputs.length} modules; external: ${external.join(', ')})\n`);

/** The workspace lock's entries for the production closure of `external`, as a standalone lock. */
function productionLock(appVersion) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const packages = lock.packages;
  const picked = {};
  const resolveDep = (from, name) => {
    for (let base = from; ; ) {
      const key = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
      if (packages[key]) return key;
      if (base === '') return undefined;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut === -1 ? '' : base.slice(0, cut);
    }
  };
  const visit = (key) => {
    if (picked[key]) return;
    const entry = packages[key];
    picked[key] = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== 'dev' && k !== 'devOptional' && k !== 'peer'));
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const found = resolveDep(key, dep);
      if (found) visit(found);
      else if (!entry.optionalDependencies?.[dep]) throw new Error(`package-lock.json has no ${dep} for ${key}`);
    }
  };
  for (const name of external) visit(`node_modules/${name}`);
  const dependencies = Object.fromEntries(external.map((name) => [name, version(name)]));
  return {
    name: 'painkd-edge-api',
    version: appVersion,
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'painkd-edge-api', version: appVersion, dependencies }, ...Object.fromEntries(Object.keys(picked).sort().map((k) => [k, picked[k]])) },
  };
}
