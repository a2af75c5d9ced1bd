/**
 * @module `npx nx run bench:api-stream` — one real, long NDJSON upload to `POST /predict`, paced
 * like a wearable gateway: a line of `--line-ms` (250) worth of `--rate` (32) Hz skin conductance
 * every `--line-ms`, for `--seconds` (360: longer than Node's 300-s default request timeout).
 * Reports whether the response ran clean to its `done` line, predictions received vs expected,
 * per-prediction latency (line sent → prediction read), errors and RSS. Writes
 * `bench/api-stream.json`. Not part of `npm test` (it takes as long as it streams).
 *
 * Flags: --seconds <s> --rate <Hz> --line-ms <ms> (numbers > 0) --url <server> (default: spawn the
 * edge API from source) --out <file> (relative to the repo root). An unknown flag or a bad value
 * exits 2 with the usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from '@painkd/models';
import { addBateman, mulberry32 } from '@painkd/signals';
import { benchArgs } from '../cli/bench-args.js';
import { spawnTarget, type Target } from './spawn-target.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

interface Options {
  seconds: number;
  rate: number;
  lineMs: number;
  url: string | undefined;
  out: string;
}

function readOptions(): Options {
  const args = benchArgs({
    bench: 'api-stream',
    usage: '[--seconds <s>] [--rate <Hz>] [--line-ms <ms>] [--url <server>] [--out <file>]',
    flags: {
      seconds: { type: 'number', default: 360 },
      rate: { type: 'number', default: 32 },
      'line-ms': { type: 'number', default: 250 },
      url: { type: 'string' },
      out: { type: 'string', default: 'bench/api-stream.json' },
    },
  });
  return { seconds: args.seconds, rate: args.rate, lineMs: args['line-ms'], url: args.url, out: resolve(root, args.out) };
}

/** A continuous, plausible skin-conductance recording: a drifting tonic level, an SCR every 8–20 s, noise. */
function recording(seconds: number, rate: number): Float64Array {
  const x = new Float64Array(Math.round(seconds * rate));
  const rand = mulberry32(12);
  for (let i = 0; i < x.length; i++) x[i] = 5 + 0.4 * Math.sin((2 * Math.PI * i) / (rate * 240)) + 0.004 * (rand() - 0.5);
  for (let t = 3; t < seconds; t += 8 + rand() * 12) addBateman(x, rate, t, 0.2 + rand() * 0.6, 0.7, 3);
  return x;
}

async function main(): Promise<void> {
  const o = readOptions();
  const target: Target | undefined = o.url === undefined ? await spawnTarget('edge', ['--conditions=@painkd/source', '--import', 'tsx', 'apps/edge-api/src/main.ts'], root) : undefined;
  const url = o.url ?? (target as Target).url;
  const perLine = Math.max(1, Math.round((o.rate * o.lineMs) / 1000));
  const x = recording(o.seconds, o.rate);
  const lines = Math.ceil(x.length / perLine);
  const windowSamples = Math.round(5.5 * o.rate);
  const hop = Math.round(o.rate);
  const expected = x.length >= windowSamples ? Math.floor((x.length - windowSamples) / hop) + 1 : 0;
  process.stdout.write(`bench:api-stream — ${o.seconds} s at ${o.rate} Hz, one line of ${perLine} samples every ${o.lineMs} ms (${lines} lines), ${expected} windows expected, to ${url}\n`);
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const rss: number[] = [];
  let predictions = 0;
  let done: unknown = null;
  let errorLine: unknown = null;
  let clientError: string | null = null;
  let status = 0;
  const started = performance.now();
  await new Promise<void>((finish) => {
    const req = request(`${url}/predict?sampleRate=${o.rate}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' } }, (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      let pending = '';
      res.on('data', (chunk: string) => {
        pending += chunk;
        for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
          const text = pending.slice(0, nl);
          pending = pending.slice(nl + 1);
          if (text.trim() === '') continue;
          const line = JSON.parse(text) as { seq?: number; done?: boolean; error?: unknown };
          if (line.done === true) done = line;
          else if (line.error !== undefined) errorLine = line;
          else {
            predictions++;
            if (typeof line.seq === 'number' && sentAt[line.seq] !== undefined) latencies.push(performance.now() - (sentAt[line.seq] as number));
          }
        }
      });
      res.on('end', () => finish());
      res.on('error', (e) => {
        clientError = `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`;
        finish();
      });
    });
    req.on('error', (e) => {
      clientError ??= `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`;
      finish();
    });
    req.flushHeaders();
    let seq = 0;
    const tick = (): void => {
      if (seq >= lines || req.destroyed) {
        req.end();
        return;
      }
      const samples = Array.from(x.subarray(seq * perLine, (seq + 1) * perLine), (v) => Math.round(v * 1e4) / 1e4);
      sentAt[seq] = performance.now();
      req.write(`${JSON.stringify({ seq, samples })}\n`);
      seq++;
      if (target !== undefined && seq % Math.round(60_000 / o.lineMs) === 0) rss.push(target.rssMiB());
      setTimeout(tick, Math.max(0, started + seq * o.lineMs - performance.now()));
    };
    tick();
  });
  const seconds = (performance.now() - started) / 1000;
  await target?.stop();
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number): number => (sorted.length === 0 ? Number.NaN : percentile(sorted, p));
  const clean = clientError === null && errorLine === null && done !== null && status === 200;
  const report = {
    createdAt: new Date().toISOString(),
    options: o,
    status,
    seconds,
    linesSent: lines,
    windowsExpected: expected,
    predictions,
    done,
    errorLine,
    clientError,
    clean: clean && predictions === expected,
    latencyMs: { p50: at(50), p99: at(99), max: sorted.at(-1) ?? Number.NaN },
    rssMiB: rss,
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    [
      `status ${status}, ran ${seconds.toFixed(1)} s: ${predictions}/${expected} predictions, done line: ${done === null ? 'MISSING' : JSON.stringify(done)}`,
      `error line: ${errorLine === null ? 'none' : JSON.stringify(errorLine)}; client error: ${clientError ?? 'none'}`,
      `latency line sent → prediction read: p50 ${report.latencyMs.p50.toFixed(1)} ms, p99 ${report.latencyMs.p99.toFixed(1)} ms, max ${report.latencyMs.max.toFixed(1)} ms`,
      `server RSS MiB each minute: ${rss.map((r) => r.toFixed(1)).join(', ') || 'n/a (external server)'}`,
      `${report.clean ? 'CLEAN' : 'BROKEN'}: ${report.clean ? 'the stream ran to its done line with every prediction' : 'the stream did not run clean to done'}`,
      `written: ${o.out}`,
    ].join('\n') + '\n',
  );
  if (!report.clean) process.exitCode = 1;
}

await main();
