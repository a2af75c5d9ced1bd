/**
 * @module `npx nx run trainer:results`: regenerates the README's result tables from the committed
 * reports under docs/results/.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readmeWithResults, readResults } from './readme-results.js';
import { repoRoot } from '../cli/paths.js';

const root = repoRoot();
const path = join(root, 'README.md');
const before = await readFile(path, 'utf8');
const after = readmeWithResults(before, await readResults(root));
await writeFile(path, after);
process.stdout.write(after === before ? 'README.md results are up to date\n' : 'README.md results regenerated from docs/results/\n');
