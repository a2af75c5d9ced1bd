import { build, type BuildFailure } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Bundles `entry` for the browser (no Node built-ins) and returns its inputs, or the build's errors. */
async function bundleForBrowser(entry: string): Promise<{ inputs: string[]; errors: string[] }> {
  try {
    const result = await build({
      entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      conditions: ['@painkd/source'],
      metafile: true,
      logLevel: 'silent',
    });
    return { inputs: Object.keys(result.metafile.inputs), errors: [] };
  } catch (error) {
    return { inputs: [], errors: (error as BuildFailure).errors.map((e) => e.text) };
  }
}

describe('package barrels', () => {
  it('the root barrel bundles for the browser: no node: module anywhere in its import graph', async () => {
    const { inputs, errors } = await bundleForBrowser('./index.ts');
    expect(errors).toEqual([]);
    expect(inputs.some((path) => path.includes('src/views/'))).toBe(true);
    expect(inputs.filter((path) => path.includes('src/node/'))).toEqual([]);
  });

  it('the node barrel does not bundle for the browser (so the check above can fail)', async () => {
    const { errors } = await bundleForBrowser('./node/index.ts');
    expect(errors.some((text) => text.includes('node:'))).toBe(true);
  });
});
