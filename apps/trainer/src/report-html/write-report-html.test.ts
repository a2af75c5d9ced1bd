import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, readReportFixture } from '../../tests/report-html/fixtures.js';
import { readLatencyFile, workspaceRoot, writeReportHtml } from './write-report-html.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'painkd-report-html-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReportHtml', () => {
  it('writes report.html into a new folder, leaves no temporary file, and shows the latency file', async () => {
    const report = await readReportFixture('report-one-fold.json');
    const out = join(dir, 'artifacts', 'nested');
    const path = await writeReportHtml(report, out, { latencyJsonPath: join(FIXTURE_DIR, 'latency.json') });
    expect(path).toBe(join(out, 'report.html'));
    expect(await readdir(out)).toEqual(['report.html']);
    const html = await readFile(path, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('data-chart="latency"');
    expect(html).toContain('data-chart="model-size"');
  });

  it('replaces an existing report.html', async () => {
    const report = await readReportFixture('report-one-fold.json');
    await writeFile(join(dir, 'report.html'), 'old', 'utf8');
    await writeReportHtml(report, dir, { latencyJsonPath: join(dir, 'none.json') });
    expect(await readFile(join(dir, 'report.html'), 'utf8')).not.toBe('old');
  });

  it('shows a note, not a chart, when the latency file is missing or not JSON', async () => {
    const report = await readReportFixture('report-one-fold.json');
    const bad = join(dir, 'latency.json');
    await writeFile(bad, '{"rows": [', 'utf8');
    const html = await readFile(await writeReportHtml(report, join(dir, 'a'), { latencyJsonPath: bad }), 'utf8');
    expect(html).not.toContain('data-chart="latency"');
    expect(html).toMatch(/data-note="latency">The latency benchmark&#39;s file could not be used: .*latency\.json is not valid JSON/);
  });

  it('fails with REPORT_HTML_WRITE_FAILED when the folder cannot be created, leaving nothing behind', async () => {
    const report = await readReportFixture('report-one-fold.json');
    const file = join(dir, 'a-file');
    await writeFile(file, 'x', 'utf8');
    await expect(writeReportHtml(report, join(file, 'sub'), { latencyJsonPath: join(dir, 'none.json') })).rejects.toMatchObject({
      code: 'REPORT_HTML_WRITE_FAILED',
    });
    expect(await readdir(dir)).toEqual(['a-file']);
  });
});

describe('readLatencyFile', () => {
  it('says absent for a missing file and unreadable for a folder', async () => {
    expect(await readLatencyFile(join(dir, 'nope.json'))).toEqual({ kind: 'absent', reason: `${join(dir, 'nope.json')} does not exist` });
    expect(await readLatencyFile(dir)).toMatchObject({ kind: 'unreadable', reason: expect.stringContaining('EISDIR') });
  });

  it('prefixes a content problem with the path', async () => {
    const path = join(dir, 'latency.json');
    await writeFile(path, '{"hello": 1}', 'utf8');
    expect(await readLatencyFile(path)).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/^.*latency\.json: it holds no list/) });
  });
});

describe('workspaceRoot', () => {
  it('finds the folder holding nx.json above a nested folder, else returns the start', async () => {
    await writeFile(join(dir, 'nx.json'), '{}', 'utf8');
    const nested = join(dir, 'apps', 'trainer');
    expect(workspaceRoot(nested)).toBe(dir);
    expect(workspaceRoot('/')).toBe('/');
  });
});
