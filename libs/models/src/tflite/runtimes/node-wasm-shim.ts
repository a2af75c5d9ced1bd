/**
 * @module The small Node shim that lets the two browser TFLite runtimes load in Node. Both load
 * their Emscripten glue the way a web worker does: `importScripts(url)`, then read a global
 * `…ModuleFactory` from `self`; tfjs-tflite then `fetch`es its `.wasm`. While a runtime loads, this
 * provides exactly that: `self` (= `globalThis`, with an empty `location`), an `importScripts` that
 * evaluates the glue file as CommonJS (it ends in a UMD export) and publishes its factory on
 * `self`, and a `fetch` that serves files under the runtime's own `wasm/` folder from disk. The
 * single-threaded glue is loaded in place of a `_threaded` one (no web workers in Node). Every
 * global is restored once the last concurrent load has finished, so nothing else in the process
 * (tfjs' own wasm backend, onnxruntime-web) sees a worker-like environment. Offline by design.
 * The runtimes' chatter (`INFO:`/`WARNING:` lines of their C++ logs, LiteRT's note that Node has
 * no WebGPU) is dropped: their glue binds `console.log`/`warn`/`error` while it loads, so it keeps
 * the filtering versions installed here; every other line still reaches the console.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

type Globals = Record<string, unknown>;

const SHIMMED = ['self', 'location', 'importScripts', 'fetch'] as const;
const CHATTER = /^(INFO|WARNING): |^Failed to create default WebGPU device/;
let active = 0;
let saved: Map<string, PropertyDescriptor | undefined> = new Map();
let savedConsole: { log: typeof console.log; warn: typeof console.warn; error: typeof console.error } | undefined;
const servedDirs = new Set<string>();
const scriptWaiters: (() => void)[] = [];

/**
 * A promise that settles at the next `importScripts` call (whether the script loaded or not): lets
 * a caller keep the shim in place until a load the package starts on its own reaches the point
 * where it needs `self`.
 *
 * @example
 * ```ts
 * const attempted = nextImportScripts();
 * await import('@tensorflow/tfjs-tflite'); // starts a background load
 * await attempted;
 * ```
 */
export function nextImportScripts(): Promise<void> {
  return new Promise((resolve) => scriptWaiters.push(resolve));
}

/**
 * Runs `load` with the worker-like globals in place; `wasmDir` (absolute, ending in `/`) is where
 * `fetch` may read files from.
 *
 * @example
 * ```ts
 * const runtime = await withNodeWasmShim('/…/node_modules/@litertjs/core/wasm/', () => loadLiteRt(dir));
 * ```
 */
export async function withNodeWasmShim<T>(wasmDir: string, load: () => Promise<T>): Promise<T> {
  servedDirs.add(wasmDir);
  if (active++ === 0) install();
  try {
    return await load();
  } finally {
    if (--active === 0) restore();
  }
}

function install(): void {
  const g = globalThis as unknown as Globals;
  saved = new Map(SHIMMED.map((k) => [k, Object.getOwnPropertyDescriptor(globalThis, k)]));
  const realFetch = globalThis.fetch;
  savedConsole = { log: console.log, warn: console.warn, error: console.error };
  const quiet = (write: (...args: unknown[]) => void) => (...args: unknown[]): void => {
    if (!(typeof args[0] === 'string' && CHATTER.test(args[0]))) write(...args);
  };
  console.log = quiet(savedConsole.log.bind(console));
  console.warn = quiet(savedConsole.warn.bind(console));
  console.error = quiet(savedConsole.error.bind(console));
  g['self'] = globalThis;
  g['location'] = { href: '', origin: '' };
  g['importScripts'] = (url: string): void => {
    for (const resolve of scriptWaiters.splice(0)) resolve();
    const path = String(url).replace(/_threaded(?=\.js$)/, '');
    const source = readFileSync(path, 'utf8');
    const factory = /\bvar (\w*ModuleFactory)\s*=/.exec(source)?.[1];
    const module = { exports: {} as unknown };
    const wrapper = vm.runInThisContext(`(function (require, module, exports, __filename, __dirname) {\n${source}\n})`, { filename: path }) as (...args: unknown[]) => void;
    wrapper(createRequire(path), module, module.exports, path, dirname(path));
    if (factory) g[factory] = module.exports;
  };
  g['fetch'] = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.startsWith('file://') ? new URL(url).pathname : url;
    if ([...servedDirs].some((d) => path.startsWith(d))) {
      return new Response(readFileSync(path), { headers: { 'content-type': path.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' } });
    }
    return realFetch(input, init);
  };
}

function restore(): void {
  if (savedConsole) Object.assign(console, savedConsole);
  for (const [key, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, key, descriptor);
    else delete (globalThis as unknown as Globals)[key];
  }
}
