/**
 * @module `npx nx run bench:read [-- --subjects 87 --windows-per-class 20 --seed 1 --threads 1,2]`:
 * reads a full-size synthetic BioVid cohort (cached in tools/bench/.cache, git-ignored) and prints
 * files/s and MB/s for all channels and GSR only. `--threads` defaults to 1 and the core count; an
 * unknown flag or a bad value exits 2 with the usage.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHANNEL_NAMES, type ChannelName } from '@painkd/signals';
import { scanBiovid } from '@painkd/signals/node';
import { benchArgs } from '../cli/bench-args.js';
import { ensureCohort, formatTable, readInProcess, readWithWorkers, totalBytes, type ReadResult } from './read-bench.js';

const cores = availableParallelism();
const args = benchArgs({
  bench: 'read',
  usage: '[--subjects 87] [--windows-per-class 20] [--seed 1] [--threads 1,2]',
  flags: {
    subjects: { type: 'integer', default: 87 },
    'windows-per-class': { type: 'integer', default: 20 },
    seed: { type: 'integer', default: 1, min: 0 },
    threads: { type: 'integers', default: [1, cores] },
  },
});
const spec = { subjects: args.subjects, windowsPerClass: args['windows-per-class'], seed: args.seed };
const threadCounts = args.threads;
const dir = fileURLToPath(new URL(`../../.cache/read-s${spec.subjects}-w${spec.windowsPerClass}-seed${spec.seed}`, import.meta.url));

console.log(`bench:read — ${cores} cores, node ${process.version}, cohort ${spec.subjects} subjects × ${spec.windowsPerClass * 5} windows`);
const generated = performance.now();
const reused = await ensureCohort(dir, spec, cores, (line) => console.log(`  ${line}`));
console.log(reused ? `reusing cached cohort in ${dir}` : `generated cohort in ${((performance.now() - generated) / 1000).toFixed(1)} s: ${dir}`);

const refs = await scanBiovid(dir);
const megabytes = (await totalBytes(refs)) / 1e6;
console.log(`${refs.length} files, ${megabytes.toFixed(0)} MB; warming the page cache with one untimed GSR-only pass`);
await readWithWorkers(refs, ['gsr'], Math.max(...threadCounts));

const modes: Array<[string, ChannelName[]]> = [
  ['all 5', [...CHANNEL_NAMES]],
  ['gsr only', ['gsr']],
];
const results: ReadResult[] = [];
for (const [label, channels] of modes) {
  const inProcess = await readInProcess(dir, channels);
  results.push({ method: 'loadBiovid (main thread)', channels: label, threads: 1, files: inProcess.files, megabytes, seconds: inProcess.seconds });
  console.log(`  loadBiovid ${label}: ${inProcess.seconds.toFixed(2)} s`);
  for (const threads of threadCounts) {
    const { seconds, samples } = await readWithWorkers(refs, channels, threads);
    const expected = refs.length * 2816 * channels.length;
    if (samples !== expected) throw new Error(`read ${samples} samples, expected ${expected}`);
    results.push({ method: 'worker pool', channels: label, threads, files: refs.length, megabytes, seconds });
    console.log(`  workers ×${threads} ${label}: ${seconds.toFixed(2)} s`);
  }
}
console.log('');
console.log(formatTable(results));
const gsrBest = Math.min(...results.filter((r) => r.channels === 'gsr only').map((r) => r.seconds));
console.log('');
console.log(`goal: full cohort GSR-only < 60 s — best ${gsrBest.toFixed(2)} s (${gsrBest < 60 ? 'met' : 'NOT met'})`);
