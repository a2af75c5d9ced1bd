/** @module Shared vitest settings: resolve workspace packages to their TypeScript sources. */
import { defineConfig } from 'vitest/config';

/** Builds the vitest config every project uses, so all resolve `@painkd/*` to `src/index.ts`. */
export function projectVitestConfig(options: { testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { conditions: ['@painkd/source'] },
    ssr: { resolve: { conditions: ['@painkd/source'] } },
    test: {
      include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
      environment: 'node',
      testTimeout: options.testTimeout ?? 60_000,
      hookTimeout: 120_000,
      pool: 'forks',
    },
  });
}
