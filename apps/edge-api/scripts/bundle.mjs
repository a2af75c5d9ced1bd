/**
 * @module `npx nx run edge-api:bundle [-- <outDir>] [--platform <os>-<arch>] [--with-wasm] [--tflite <artifactDir>]` — builds
 * `dist/edge-api/`, a folder that runs as is on the target (copy it, `node server.mjs`; no npm, no
 * network, no compiler there):
 * - `server.mjs`: the API bundled by esbuild (Hono, prom-client, @painkd/signals and
 *   @painkd/runtime inlined; ONNX Runtime left external because it ships native / WASM binaries),
 *   and `engine-worker.mjs`, the inference worker thread used with `EDGE_WORKERS`;
 * - `model/`: the default artifact (manifest.json + student.int8.onnx); with `--tflite <artifactDir>`
 *   also that run's student.int8.tflite (see bundle-tflite.mjs);
 * - `node_modules/`: onnxruntime-node with only the target platform's binary (default: this
 *   machine's; `--platform linux-arm64` for a Raspberry Pi) and onnxruntime-common, copied from the
 *   workspace install (the versions the tests ran); with `--with-wasm` also onnxruntime-web, cut to
 *   its Node entry and the one WASM binary that entry loads;
 * - `package.json`: the pinned versions of what `node_modules/` holds, and the build's platform.
 * Prints the folder's size (sum of file sizes).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { shipTflite, tfliteOption } from './bundle-tflite.mjs';

const PLATFORMS = ['linux-arm64', 'linux-x64', 'darwin-arm64', 'darwin-x64', 'win32-arm64', 'win32-x64'];
const USAGE = `usage: node scripts/bundle.mjs [outDir] [--platform ${PLATFORMS.join('|')}] [--with-wasm]`;

function parseArgs(argv) {
  const options = { out: undefined, platform: `${process.platform}-${process.arch}`, withWasm: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--with-wasm') options.withWasm = true;
    else if (arg === '--platform') options.platform = argv[++i] ?? '';
    else if (arg.startsWith('--platform=')) options.platform = arg.slice('--platform='.length);
    else if (arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (!arg.startsWith('--') && options.out === undefined) options.out = arg;
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!PLATFORMS.includes(options.platform)) throw new Error(`--platform must be one of ${PLATFORMS.join(', ')}, got "${options.platform}"`);
  return options;
}

const here = dirname(fileURLToPath(import.meta.url));
const app = resolve(here, '..');
const root = resolve(app, '../..');
const { tflite, args } = tfliteOption(process.argv.slice(2));
const options = parseArgs(args);
const out = resolve(options.out ?? join(root, 'dist/edge-api'));
const external = ['onnxruntime-node', 'onnxruntime-web'];
const modules = join(root, 'node_modules');
const pkg = (name) => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
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

/** Copies `files` (paths relative to the package) of a workspace package into the bundle. */
function vendor(name, files) {
  for (const file of ['package.json', 'LICENSE', ...files]) {
    const from = join(modules, name, file);
    if (existsSync(from)) cpSync(from, join(out, 'node_modules', name, file), { recursive: true });
  }
}

const [os, arch] = options.platform.split('-');
const binary = `bin/napi-v6/${os}/${arch}`;
if (!existsSync(join(modules, 'onnxruntime-node', binary))) throw new Error(`onnxruntime-node ${pkg('onnxruntime-node').version} has no ${binary}`);
vendor('onnxruntime-common', ['dist']);
vendor('onnxruntime-node', ['dist', binary]);
const vendored = ['onnxruntime-common', 'onnxruntime-node'];
if (options.withWasm) {
  vendor('onnxruntime-web', ['dist/ort.node.min.mjs', 'dist/ort-wasm-simd-threaded.mjs', 'dist/ort-wasm-simd-threaded.wasm']);
  vendored.push('onnxruntime-web');
}
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
      os: [os === 'win32' ? 'win32' : os],
      cpu: [arch],
      dependencies: Object.fromEntries(vendored.map((name) => [name, pkg(name).version])),
      painkd: { platform: options.platform, withWasm: options.withWasm, note: 'node_modules/ is vendored and cut to this platform; do not run npm install here' },
    },
    null,
    2,
  )}\n`,
);

/** Sum of file sizes under `dir`, bytes. */
function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

const size = readFileSync(join(out, 'server.mjs')).length;
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
process.stdout.write(
  `bundle: ${out} for ${options.platform}${options.withWasm ? ' with WASM' : ''} — ${mib(folderBytes(out))} MiB in all ` +
    `(server.mjs ${(size / 1024).toFixed(0)} KiB, ${inputs.length} modules; node_modules ${mib(folderBytes(join(out, 'node_modules')))} MiB: ${vendored.join(', ')})\n`,
);
