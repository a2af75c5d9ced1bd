/**
 * @module Request bodies for the API bench: real 5.5-s windows at 512 Hz from the synthetic cohort
 * (2,816 samples each, as JSON), and seeded malformed requests for the soak.
 */
import { generateCohort, mulberry32 } from '@painkd/signals';

/**
 * JSON bodies `{ samples, sampleRate: 512 }` of `count` cohort windows (all classes).
 *
 * @example
 * const bodies = windowBodies(40); // ~28 KB each
 */
export function windowBodies(count: number, seed = 3): string[] {
  const cohort = generateCohort({ subjects: Math.max(1, Math.ceil(count / 10)), windowsPerClass: 2, seed, sampleRate: 512 });
  return cohort.trials.slice(0, count).map((trial) => {
    const gsr = cohort.render(trial.index).channels.gsr;
    return JSON.stringify({ samples: Array.from(gsr, (v) => Math.round(v * 1e5) / 1e5), sampleRate: 512 });
  });
}

/** One malformed request. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/**
 * `count` seeded malformed requests: broken JSON, NaN/Infinity/strings in samples, bad rates,
 * wrong lengths, oversized batches, bad media types, unknown routes, bad NDJSON, bad sessions.
 *
 * @example
 * const fuzz = fuzzRequests(10_000, valid[0], 7);
 */
export function fuzzRequests(count: number, valid: string, seed: number): FuzzRequest[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const json = { 'content-type': 'application/json' };
  const cut = (): string => valid.slice(0, Math.floor(rand() * valid.length));
  const makers: (() => FuzzRequest)[] = [
    () => ({ method: 'POST', path: '/predict', headers: json, body: cut() }),
    () => ({ method: 'POST', path: '/predict', headers: json, body: valid.replace(/\d\.\d+/, pick(['NaN', '"x"', 'null', '1e999', 'true', '[]'])) }),
    () => ({ method: 'POST', path: '/predict', headers: json, body: valid.replace('"sampleRate":512', `"sampleRate":${pick(['0', '-1', '2048', '"512"', 'null', '1e400'])}`) }),
    () => ({ method: 'POST', path: '/predict', headers: json, body: JSON.stringify({ samples: [1, 2, 3], sampleRate: 512 }) }),
    () => ({ method: 'POST', path: '/predict', headers: json, body: `{"windows":[${new Array(40).fill('{"samples":[1],"sampleRate":4}').join(',')}]}` }),
    () => ({ method: 'POST', path: '/predict', headers: { 'content-type': pick(['text/plain', 'application/xml', 'multipart/form-data']) }, body: valid }),
    () => ({ method: 'POST', path: '/predict?sampleRate=512', headers: { 'content-type': 'application/octet-stream' }, body: 'abc' }),
    () => ({ method: 'POST', path: '/predict?sampleRate=512', headers: { 'content-type': 'application/x-ndjson' }, body: '{"seq":0,"samples":[1,2]}\n{"seq":2,"samples":[1]}\n{oops\n' }),
    () => ({ method: pick(['GET', 'PUT', 'DELETE']), path: pick(['/predict', '/nope', '/v2/models/x', '/v1/streams/%zz']), headers: {}, body: undefined }),
    () => ({ method: 'POST', path: `/v1/streams/fuzz-${Math.floor(rand() * 50)}/samples`, headers: json, body: JSON.stringify({ seq: Math.floor(rand() * 5) - 1, sampleRate: pick([4, 0, 'x']), samples: [1, 2] }) }),
    () => ({ method: 'POST', path: '/v2/models/x/infer', headers: json, body: '{"inputs":[]}' }),
    () => ({ method: 'POST', path: '/predict', headers: json, body: Array.from({ length: 1 + Math.floor(rand() * 64) }, () => String.fromCharCode(Math.floor(rand() * 256))).join('') }),
  ];
  return Array.from({ length: count }, () => (pick(makers) as () => FuzzRequest)());
}
