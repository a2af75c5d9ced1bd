/**
 * @module `npx nx run bench:api` — load test of the edge API on loopback.
 *
 * In one run: `POST /predict` with real 5.5-s windows at 512 Hz (synthetic cohort) against a bare
 * Hono endpoint that parses the same JSON and returns fixed JSON (the floor cost of receiving a
 * window), at 8 and 64 connections (`--duration` s each, default 20): req/s, p50/p99, ratio to
 * bare, server CPU ms per request (the cost, even on a shared machine), RSS before/after, the
 * per-stage time (parse, resample, filter, inference) from the server's own histograms; then a soak (`--soak` s, default 60) at 8 connections with `--fuzz`
 * (default 10,000) malformed requests mixed in. Writes `bench/api.json` and prints a summary.
 *
 * Flags: --duration <s> --soak <s> (numbers > 0) --fuzz <n> (integer ≥ 0) --connections 8,64
 * (integers ≥ 1) --workers <n> (EDGE_WORKERS of the edge server, default 0) --out <file> (relative
 * to the repo root). An unknown flag or a bad value exits 2 with the usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type AutocannonResult } from 'autocannon';
import { benchArgs } from '../cli/bench-args.js';
import { spawnTarget, type Target } from './spawn-target.js';
import { breakdown, scrape, type StageBreakdown } from './stage-metrics.js';
import { fuzzRequests, windowBodies } from './windows.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

interface Options {
  duration: number;
  soak: number;
  fuzz: number;
  connections: readonly number[];
  workers: number;
  out: string;
}

function readOptions(): Options {
  const args = benchArgs({
    bench: 'api',
    usage: '[--duration <s>] [--soak <s>] [--fuzz <n>] [--connections 8,64] [--workers <n>] [--out <file>]',
    flags: {
      duration: { type: 'number', default: 20 },
      soak: { type: 'number', default: 60 },
      fuzz: { type: 'integer', default: 10_000, min: 0 },
      connections: { type: 'integers', default: [8, 64] },
      workers: { type: 'integer', default: 0, min: 0 },
      out: { type: 'string', default: 'bench/api.json' },
    },
  });
  return { ...args, out: resolve(root, args.out) };
}

/** One load run's figures. */
interface RunFigures {
  readonly target: string;
  readonly connections: number;
  readonly seconds: number;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly fiveXx: number;
  /** Server CPU time (user + system) per request, ms: the cost, whatever else shares the machine. */
  readonly cpuMsPerRequest: number;
}

function figures(target: string, connections: number, r: AutocannonResult, cpuMs: number): RunFigures {
  return {
    target,
    connections,
    seconds: r.duration,
    reqPerSec: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    fiveXx: r['5xx'],
    cpuMsPerRequest: cpuMs / Math.max(1, r.requests.total),
  };
}

/** Runs `work` against `target` and measures the server's CPU time meanwhile. */
async function measured(target: Target, work: () => Promise<AutocannonResult>): Promise<{ result: AutocannonResult; cpuMs: number }> {
  const before = target.cpuMs();
  const result = await work();
  return { result, cpuMs: target.cpuMs() - before };
}

function load(url: string, bodies: readonly string[], connections: number, duration: number): Promise<AutocannonResult> {
  let next = 0;
  return autocannon({
    url: `${url}/predict`,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] as string }),
      },
    ],
  });
}

/** Sends malformed requests spread over `seconds`; returns status counts ("error" = no answer). */
async function fuzzFor(url: string, requests: ReturnType<typeof fuzzRequests>, seconds: number, workers = 4): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const started = performance.now();
  let index = 0;
  const perMs = requests.length / Math.max(1, seconds * 1000 - 2000);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (index < requests.length) {
        const i = index++;
        const due = i / perMs - (performance.now() - started);
        if (due > 0) await new Promise((r) => setTimeout(r, due));
        const req = requests[i]!;
        try {
          const res = await fetch(`${url}${req.path}`, { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}) });
          await res.arrayBuffer();
          counts[String(res.status)] = (counts[String(res.status)] ?? 0) + 1;
        } catch {
          counts['error'] = (counts['error'] ?? 0) + 1;
        }
      }
    }),
  );
  return counts;
}

const fmt = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

async function main(): Promise<void> {
  const options = readOptions();
  const bodies = windowBodies(40);
  process.stdout.write(`bench:api — ${bodies.length} real 5.5-s windows at 512 Hz (${(bodies[0]!.length / 1024).toFixed(1)} KiB JSON each), ${options.duration} s per run, soak ${options.soak} s with ${options.fuzz} fuzzed requests, edge EDGE_WORKERS=${options.workers}\n`);
  const edge = await spawnTarget('edge', ['--conditions=@painkd/source', '--import', 'tsx', 'apps/edge-api/src/main.ts'], root, { EDGE_WORKERS: String(options.workers) });
  const bare = await spawnTarget('bare', ['--conditions=@painkd/source', '--import', 'tsx', 'tools/bench/src/api/bare-server.ts'], root);
  const targets: Target[] = [edge, bare];
  try {
    const rssIdle = { edge: edge.rssMiB(), bare: bare.rssMiB() };
    const warmSeconds = Math.min(3, Math.max(1, options.duration / 5));
    for (const t of targets) for (const c of options.connections) await load(t.url, bodies, c, warmSeconds);
    const rssWarm = { edge: edge.rssMiB(), bare: bare.rssMiB() };
    const runs: RunFigures[] = [];
    const stages: Record<string, StageBreakdown> = {};
    for (const connections of options.connections) {
      const before = await scrape(edge.url);
      const e = await measured(edge, () => load(edge.url, bodies, connections, options.duration));
      runs.push(figures('edge', connections, e.result, e.cpuMs));
      stages[String(connections)] = breakdown(before, await scrape(edge.url));
      const b = await measured(bare, () => load(bare.url, bodies, connections, options.duration));
      runs.push(figures('bare', connections, b.result, b.cpuMs));
    }
    const rssAfterRuns = edge.rssMiB();
    const fuzz = fuzzRequests(options.fuzz, bodies[0]!, 7);
    const soakBefore = await scrape(edge.url);
    const soakCpu = edge.cpuMs();
    const [soakRun, fuzzCounts] = await Promise.all([load(edge.url, bodies, 8, options.soak), fuzzFor(edge.url, fuzz, options.soak)]);
    const soak = figures('edge-soak', 8, soakRun, edge.cpuMs() - soakCpu);
    const soakStages = breakdown(soakBefore, await scrape(edge.url));
    const rssAfter = { edge: edge.rssMiB(), bare: bare.rssMiB() };
    const health = await fetch(`${edge.url}/v2/health/ready`).then((r) => r.status).catch(() => 0);

    const ratio = (c: number): number => {
      const e = runs.find((r) => r.target === 'edge' && r.connections === c);
      const b = runs.find((r) => r.target === 'bare' && r.connections === c);
      return e && b ? e.reqPerSec / b.reqPerSec : Number.NaN;
    };
    const fuzz5xx = Object.entries(fuzzCounts).filter(([s]) => s.startsWith('5') || s === 'error').reduce((a, [, n]) => a + n, 0);
    const edge8 = runs.find((r) => r.target === 'edge' && r.connections === 8);
    const allEdge = [...runs.filter((r) => r.target === 'edge'), soak];
    const goals = {
      throughputRatioAt8: { value: ratio(8), goal: '>= 0.5', met: ratio(8) >= 0.5 },
      throughputRatioAt64: { value: ratio(64), goal: '>= 0.5', met: ratio(64) >= 0.5 },
      p99At8Ms: { value: edge8?.p99Ms ?? Number.NaN, goal: '<= 5', met: (edge8?.p99Ms ?? Infinity) <= 5 },
      errorsAnd5xx: {
        value: allEdge.reduce((a, r) => a + r.errors + r.timeouts + r.fiveXx + r.non2xx, 0) + fuzz5xx,
        goal: '0 (valid load: errors, timeouts, non-2xx; fuzz: 5xx or no answer)',
        met: allEdge.every((r) => r.errors + r.timeouts + r.fiveXx + r.non2xx === 0) && fuzz5xx === 0,
      },
      rssGrowthMiB: { value: rssAfter.edge - rssWarm.edge, goal: '< 20 (after warm-up at every connection count → after the soak)', met: rssAfter.edge - rssWarm.edge < 20 },
    };
    const report = {
      createdAt: new Date().toISOString(),
      host: { cpus: (await import('node:os')).cpus().length, node: process.version, loadavg: (await import('node:os')).loadavg() },
      options,
      runs,
      stages,
      soak: { ...soak, fuzz: fuzzCounts, stages: soakStages, readyAfter: health },
      rssMiB: { idle: rssIdle, warm: rssWarm, afterRuns: rssAfterRuns, after: rssAfter },
      goals,
    };
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);

    const lines: string[] = ['', 'target  conns   req/s     p50 ms  p99 ms  max ms  errors  non-2xx  5xx  cpu ms/req  ratio'];
    for (const r of runs) {
      lines.push(
        `${r.target.padEnd(7)} ${String(r.connections).padStart(5)} ${fmt(r.reqPerSec, 0).padStart(8)} ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(7)} ${String(r.maxMs).padStart(7)} ${String(r.errors + r.timeouts).padStart(7)} ${String(r.non2xx).padStart(8)} ${String(r.fiveXx).padStart(4)} ${fmt(r.cpuMsPerRequest, 3).padStart(11)}  ${r.target === 'edge' ? fmt(ratio(r.connections)) : ''}`,
      );
    }
    lines.push('', 'where the time goes (edge, mean ms per request, server side):');
    lines.push('conns   parse  resample  filter  inference(wait+run)  onnx run  windows/run  server total');
    for (const [c, s] of [...Object.entries(stages), ['soak', soakStages] as const]) {
      lines.push(`${String(c).padStart(5)} ${fmt(s.parseMs, 3).padStart(7)} ${fmt(s.resampleMs, 3).padStart(9)} ${fmt(s.filterMs, 3).padStart(7)} ${fmt(s.inferenceMs, 3).padStart(20)} ${fmt(s.onnxRunMs, 3).padStart(9)} ${fmt(s.meanBatch, 1).padStart(12)} ${fmt(s.serverMs, 3).padStart(13)}`);
    }
    lines.push(
      '',
      `soak ${options.soak} s @ 8 conns: ${fmt(soak.reqPerSec, 0)} req/s, p50 ${soak.p50Ms} ms, p99 ${soak.p99Ms} ms, errors ${soak.errors + soak.timeouts}, non-2xx ${soak.non2xx}, server CPU ${fmt(soak.cpuMsPerRequest, 3)} ms/request (fuzz included); fuzz statuses ${JSON.stringify(fuzzCounts)}; ready after: ${health}`,
      `RSS edge MiB: idle ${fmt(rssIdle.edge, 1)}, after warm-up ${fmt(rssWarm.edge, 1)}, after runs ${fmt(rssAfterRuns, 1)}, after soak ${fmt(rssAfter.edge, 1)} (growth ${fmt(rssAfter.edge - rssWarm.edge, 1)} MiB from warm, ${fmt(rssAfter.edge - rssIdle.edge, 1)} from idle); bare ${fmt(rssIdle.bare, 1)} → ${fmt(rssAfter.bare, 1)}`,
      '',
      'goals:',
      ...Object.entries(goals).map(([k, g]) => `  ${g.met ? 'MET    ' : 'MISSED '} ${k}: ${typeof g.value === 'number' ? fmt(g.value) : g.value} (goal ${g.goal})`),
      '',
      `host: ${report.host.cpus} CPUs, load average ${report.host.loadavg.map((x) => x.toFixed(1)).join(' ')} — autocannon shares the machine with the servers`,
      `written: ${options.out}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
  }
}

await main();
