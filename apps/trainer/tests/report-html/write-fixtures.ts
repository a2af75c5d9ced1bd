/**
 * @module Regenerates the HTML report's committed fixtures in apps/trainer/fixtures/report.
 * Run: `node --conditions=@painkd/source --import tsx apps/trainer/tests/report-html/write-fixtures.ts`
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURE_DIR, FIXTURES, fixtureText, type FixtureName } from './fixtures.js';

for (const name of Object.keys(FIXTURES) as FixtureName[]) {
  const text = fixtureText(name);
  await writeFile(join(FIXTURE_DIR, name), text, 'utf8');
  console.log(`${name}: ${text.length} bytes`);
}
