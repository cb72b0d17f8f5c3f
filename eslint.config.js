// Lint rules: typescript-eslint's type-aware recommended set, React hooks for the renderer,
// and the layering of docs/architecture: only the desktop shell, the composition root and
// the preload may import 'electron'; the renderer never imports from main.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'coverage/', 'bin/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/desktop/**', 'src/main/index.ts', 'src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src/main/desktop, src/main/index.ts and the preload import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // Product code never imports test code; the core and the gateway client never reach the
    // simulator (demo mode goes through src/main/node or the composition root).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'src/renderer/**',
      'src/shared/**',
      'src/main/desktop/**',
      'src/main/index.ts',
      'src/preload/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src/main/desktop, src/main/index.ts and the preload import electron.',
            },
          ],
          patterns: [{ group: ['**/test/**'], message: 'Product code never imports test code.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/desktop/**/*.ts', 'src/main/index.ts', 'src/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/**'], message: 'Product code never imports test code.' }] },
      ],
    },
  },
  {
    files: ['src/main/supervisor/**/*.ts', 'src/main/gateway/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src/main/desktop, src/main/index.ts and the preload import electron.',
            },
          ],
          patterns: [
            { group: ['**/test/**'], message: 'Product code never imports test code.' },
            {
              group: [
                '**/simulator',
                '**/simulator/**',
                '**/node',
                '**/node/**',
                '**/desktop',
                '**/desktop/**',
              ],
              message:
                'The core and the gateway client never import the simulator, the Node adapters or the desktop shell: they get them through ports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through window.inspector.',
            },
          ],
          patterns: [
            {
              group: ['**/main/**', '**/simulator/**'],
              message: 'The renderer never imports from main.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', '../main/**', '../renderer/**'],
              message: 'shared/ imports nothing outside shared/.',
            },
          ],
        },
      ],
    },
  },
);
