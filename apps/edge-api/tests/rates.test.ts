/**
 * @module A 4 Hz (Empatica-E4-like) and a 128 Hz stream of the same synthetic recordings are
 * accepted and predicted; how often their predictions agree with the 512 Hz prediction is
 * measured and printed (`EDGE_RATES …`), and written to test-output/edge-api-rates.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCohort, mulberry32, resample } from '@painkd/signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNdjson } from './support/ndjson-client.js';
import { postJson, startTestServer, type TestServer } from './support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

interface Pred {
  level: number;
  probabilities: number[];
}

/** Streams one recording as NDJSON in random chunks; returns the prediction of its one window. */
async function streamPredict(samples: Float32Array, rate: number, seed: number): Promise<Pred> {
  const up = openNdjson(`${t.url}/predict?sampleRate=${rate}`);
  const rand = mulberry32(seed);
  let seq = 0;
  for (let i = 0; i < samples.length; ) {
    const n = 1 + Math.floor(rand() * Math.max(1, rate));
    up.write(`${JSON.stringify({ seq: seq++, samples: Array.from(samples.subarray(i, i + n)) })}\n`);
    i += n;
  }
  up.end();
  expect(await up.status).toBe(200);
  const lines: unknown[] = [];
  for (let line = await up.nextLine(); line !== null; line = await up.nextLine()) lines.push(line);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatchObject({ done: true, windows: 1 });
  return lines[0] as Pred;
}

describe('4 Hz and 128 Hz streams of the same recordings', () => {
  it('are accepted and predicted; agreement with 512 Hz is reported', async () => {
    const cohort = generateCohort({ subjects: 4, windowsPerClass: 4, seed: 17 });
    const rows: { label: string; at512: number; at128: number; at4: number; l1At128: number; l1At4: number }[] = [];
    for (const trial of cohort.trials) {
      const gsr = cohort.render(trial.index).channels.gsr;
      const at128 = Float32Array.from(resample(gsr, 512, 128, { padType: 'edge' }));
      const at4 = Float32Array.from(resample(gsr, 512, 4, { padType: 'edge' }));
      expect(at128.length).toBe(704);
      expect(at4.length).toBe(22);
      const full = (await postJson(`${t.url}/predict`, { samples: Array.from(gsr), sampleRate: 512 })).body as Pred;
      const p128 = await streamPredict(at128, 128, trial.index);
      const p4 = await streamPredict(at4, 4, trial.index + 1000);
      for (const p of [full, p128, p4]) expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const l1 = (a: Pred, b: Pred): number => a.probabilities.reduce((s, x, i) => s + Math.abs(x - (b.probabilities[i] ?? 0)), 0);
      rows.push({ label: trial.label, at512: full.level, at128: p128.level, at4: p4.level, l1At128: l1(full, p128), l1At4: l1(full, p4) });
    }
    const agree = (key: 'at128' | 'at4'): number => rows.filter((r) => r[key] === r.at512).length / rows.length;
    const meanL1 = (key: 'l1At128' | 'l1At4'): number => rows.reduce((s, r) => s + r[key], 0) / rows.length;
    const summary = {
      model: t.predictor.info.name,
      sha256: t.predictor.info.sha256,
      windows: rows.length,
      distinctLevelsAt512: new Set(rows.map((r) => r.at512)).size,
      agreement128: agree('at128'),
      agreement4: agree('at4'),
      meanL1Probabilities128: meanL1('l1At128'),
      meanL1Probabilities4: meanL1('l1At4'),
    };
    console.log(`EDGE_RATES ${JSON.stringify(summary)}`);
    const out = fileURLToPath(new URL('../../../test-output/', import.meta.url));
    mkdirSync(out, { recursive: true });
    writeFileSync(`${out}edge-api-rates.json`, `${JSON.stringify({ ...summary, rows }, null, 2)}\n`);
    expect(rows).toHaveLength(80);
    expect(summary.agreement128).toBeGreaterThanOrEqual(0.9);
    expect(summary.meanL1Probabilities128).toBeLessThan(summary.meanL1Probabilities4 + 1e-9);
  });
});
