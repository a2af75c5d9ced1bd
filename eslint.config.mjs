import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const mlPackages = ['@tensorflow/*', 'onnxruntime-node', 'onnxruntime-web', 'onnxruntime-common'];
const serverPackages = ['hono', 'hono/*', '@hono/*'];

export default [
  {
    ignores: ['**/node_modules', '**/dist', '**/.nx', '**/.cache', 'artifacts/**', 'bench/**', '**/*.mjs', '**/*.cjs', '**/vitest.config.ts'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'scope:signals',
              onlyDependOnLibsWithTags: ['scope:signals'],
              bannedExternalImports: [...mlPackages, ...serverPackages, 'zod'],
            },
            {
              sourceTag: 'scope:runtime',
              onlyDependOnLibsWithTags: ['scope:signals', 'scope:runtime'],
              bannedExternalImports: ['@tensorflow/*', ...serverPackages],
            },
            {
              sourceTag: 'scope:models',
              onlyDependOnLibsWithTags: ['scope:signals', 'scope:runtime', 'scope:models'],
              bannedExternalImports: serverPackages,
            },
            {
              sourceTag: 'scope:distill',
              onlyDependOnLibsWithTags: ['scope:signals', 'scope:runtime', 'scope:models', 'scope:distill'],
              bannedExternalImports: serverPackages,
            },
            {
              sourceTag: 'scope:edge-api',
              onlyDependOnLibsWithTags: ['scope:signals', 'scope:runtime'],
              bannedExternalImports: ['@tensorflow/*'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:lib'],
            },
            {
              sourceTag: 'type:lib',
              onlyDependOnLibsWithTags: ['type:lib'],
            },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:lib', 'type:app'],
            },
          ],
        },
      ],
    },
  },
];
