import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeWithResults, readResults, RESULT_SETS } from './readme-results.js';
import { repoRoot } from '../cli/paths.js';

describe('README results', () => {
  it('quote exactly the committed full-protocol reports (rerun `npx nx run trainer:results` when this fails)', async () => {
    const root = repoRoot();
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const reports = await readResults(root);
    for (const name of RESULT_SETS) expect(reports[name].methods.length, name).toBeGreaterThan(1);
    expect(readmeWithResults(readme, reports)).toBe(readme);
  });
});
