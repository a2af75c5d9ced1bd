/**
 * Opens the written report.html in headless Debian Chromium with the network cut off, and checks
 * what a person would see: every chart drawn, nothing requested, no console error, no sideways
 * scrolling on a phone. Screenshots are kept in apps/trainer/test-output/report-html/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportHtml } from '../../src/report-html/index.js';
import { FIXTURE_DIR, fullReportChartIds, privilegedReportChartIds, readReportFixture } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-output', 'report-html');

interface ChartBox {
  readonly id: string;
  readonly method: string | null;
  readonly svgs: number;
  readonly width: number;
  readonly height: number;
  readonly containerWidth: number;
  readonly marks: number;
}

interface Visit {
  readonly charts: readonly ChartBox[];
  readonly requests: readonly string[];
  readonly errors: readonly string[];
  readonly scrollWidth: number;
}

let context: BrowserContext;
let profile: string;
const requests: string[] = [];

async function visit(page: Page, url: string, screenshot: string): Promise<Visit> {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()}`));
  const before = requests.length;
  await page.goto(url, { waitUntil: 'load' });
  const charts = await page.$$eval('figure[data-chart]', (figures) =>
    figures.map((f) => {
      const svg = f.querySelector(':scope > svg');
      const box = svg?.getBoundingClientRect();
      return {
        id: f.getAttribute('data-chart') ?? '',
        method: f.getAttribute('data-method'),
        svgs: f.querySelectorAll('svg').length,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        containerWidth: f.getBoundingClientRect().width,
        marks: svg?.querySelectorAll('g.role-mark > path, g.role-mark > line, g.role-mark > text, g.role-mark > rect').length ?? 0,
      };
    }),
  );
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: screenshot, fullPage: true });
  return { charts, requests: requests.slice(before), errors, scrollWidth };
}

function expectDrawn(v: Visit, expected: readonly string[]): void {
  expect(v.errors).toEqual([]);
  expect(v.charts.map((c) => c.id)).toEqual(expected);
  for (const c of v.charts) {
    const name = `${c.id}${c.method === null ? '' : `:${c.method}`}`;
    expect(c.svgs, name).toBe(1);
    expect(c.width, name).toBeGreaterThan(100);
    expect(c.height, name).toBeGreaterThan(40);
    expect(c.marks, name).toBeGreaterThan(0);
    expect(c.width, name).toBeLessThanOrEqual(c.containerWidth + 0.5);
  }
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}; the report's browser test needs it. Run \`bash scripts/ensure-system.sh\` (npm test runs it first).`,
    );
  }
  await mkdir(OUT, { recursive: true });
  profile = await mkdtemp(join(tmpdir(), 'painkd-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.on('request', (req) => requests.push(req.url()));
  await context.route(/^(https?|wss?|ftp):/, (route) => route.abort('blockedbyclient'));
});

afterAll(async () => {
  await context?.close();
  if (profile !== undefined) await rm(profile, { recursive: true, force: true });
});

describe('report.html in headless Chromium, network off', () => {
  it('draws every chart of a full run on a laptop and a phone, requesting nothing', async () => {
    const report = await readReportFixture('report-full.json');
    const path = await writeReportHtml(report, join(OUT, 'full'), { latencyJsonPath: join(FIXTURE_DIR, 'latency.json') });
    const url = pathToFileURL(path).href;
    const expected = fullReportChartIds(report);

    const page = await context.newPage();
    const desktop = await visit(page, url, join(OUT, 'report-desktop.png'));
    expectDrawn(desktop, expected);
    expect(desktop.requests).toEqual([url]);
    expect(desktop.scrollWidth).toBeLessThanOrEqual(1280);
    expect(desktop.charts.filter((c) => c.id === 'learning-curve').map((c) => c.method)).toEqual(report.methods.map((m) => m.id));

    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await visit(page, url, join(OUT, 'report-phone.png'));
    expectDrawn(phone, expected);
    expect(phone.requests).toEqual([url]);
    expect(phone.scrollWidth).toBeLessThanOrEqual(390);
    await page.close();

    for (const shot of ['report-desktop.png', 'report-phone.png']) {
      expect((await stat(join(OUT, shot))).size).toBeGreaterThan(50_000);
    }
  });

  it('draws a privileged run (views, size sweep, Pareto charts, paired comparisons) on a laptop and a phone', async () => {
    const report = await readReportFixture('report-privileged.json');
    const path = await writeReportHtml(report, join(OUT, 'privileged'), { latencyJsonPath: join(FIXTURE_DIR, 'latency.json') });
    const url = pathToFileURL(path).href;
    const expected = privilegedReportChartIds(report);
    const page = await context.newPage();
    for (const [width, name] of [
      [1280, 'desktop'],
      [390, 'phone'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      const v = await visit(page, url, join(OUT, `report-privileged-${name}.png`));
      expectDrawn(v, expected);
      expect(v.requests).toEqual([url]);
      expect(v.scrollWidth, name).toBeLessThanOrEqual(width);
      for (const id of ['sizes', 'comparisons']) {
        await page.locator(`[data-section="${id}"]`).screenshot({ path: join(OUT, `report-privileged-${id}-${name}.png`) });
      }
    }
    const pareto = await page.$$eval('figure[data-chart^="pareto-"] svg', (svgs) => svgs.map((s) => s.textContent ?? ''));
    expect(pareto).toHaveLength(3);
    for (const text of pareto) expect(text).toMatch(/teacher \(lab\) 0\.\d{3}[\s\S]*teacher-gsr \(lab-gsr\) 0\.\d{3}/);
    expect(await page.textContent('[data-section="comparisons"]')).toContain('no detectable difference');
    expect(await page.textContent('[data-note="transductive"]')).toContain("per-subject statistics include the test subject's unlabelled windows");
    await page.close();
  });

  it('draws a one-fold run with missing methods and no latency file, with notes in their place', async () => {
    const report = await readReportFixture('report-one-fold.json');
    const path = await writeReportHtml(report, join(OUT, 'one-fold'), { latencyJsonPath: join(OUT, 'no-such-latency.json') });
    const url = pathToFileURL(path).href;
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await visit(page, url, join(OUT, 'report-one-fold-phone.png'));
    expectDrawn(phone, [
      'class-counts',
      'example-traces',
      'accuracy',
      'macro-f1',
      'mae',
      'confusion-teacher',
      'confusion-best-student',
      ...report.methods.map(() => 'learning-curve'),
      'quantization',
    ]);
    expect(phone.requests).toEqual([url]);
    expect(phone.scrollWidth).toBeLessThanOrEqual(390);
    const notes = await page.$$eval('[data-note]', (els) => els.map((e) => e.getAttribute('data-note')));
    expect(notes.sort()).toEqual(['binary', 'confusion-int8', 'latency', 'references']);
    expect(await page.textContent('[data-note="latency"]')).toContain('no-such-latency.json does not exist');
    await page.close();
  });
});
