/**
 * The edge API's committed default model must come from today's default experiment: its
 * manifest's config hash equals the hash of the default config. When the defaults change, rerun
 * `npx nx run edge-api:regen-model` (this test names it).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentConfigHash, resolveExperimentConfig, studentView } from '@painkd/distill';
import { parseManifest } from '@painkd/runtime';
import { repoRoot } from '../cli/paths.js';

describe('the edge API default model', () => {
  it('was trained by the current default experiment (rerun `npx nx run edge-api:regen-model` when this fails)', async () => {
    const manifest = parseManifest(await readFile(join(repoRoot(), 'apps', 'edge-api', 'model', 'manifest.json'), 'utf8'));
    const config = resolveExperimentConfig();
    expect(manifest.experiment?.configHash, 'the committed model predates the current default config').toBe(experimentConfigHash(config));
    expect(manifest.experiment).toMatchObject({ name: config.name, preset: config.preset, profile: config.profile });
    expect(manifest.preprocess).toEqual(studentView(config).preprocess);
  });
});
