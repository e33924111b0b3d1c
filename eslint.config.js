import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'events', 'stream'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'coverage/', 'src-main/core/store/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The core runs under plain Node and in tests: never Electron, React or the shell.
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-main/core must not import electron (ARCHITECTURE.md).' },
            { name: 'react', message: 'src-main/core must not import react.' },
          ],
          patterns: [{ group: ['**/shell/**', '**/src-renderer/**'], message: 'src-main/core must not import the shell or the renderer.' }],
        },
      ],
    },
  },
  {
    // The renderer talks to the core only through the contract.
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer must not import electron; use window.rapport.' },
            { name: 'better-sqlite3', message: 'The renderer must not touch the database.' },
            { name: 'playwright-core', message: 'The renderer must not drive browsers.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer must not import Node modules.' },
            { group: ['**/src-main/**'], message: 'The renderer imports only src-shared.' },
          ],
        },
      ],
    },
  },
  {
    // Shared code is pure: zod and pure helpers only.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-shared must stay pure.' },
            { name: 'better-sqlite3', message: 'src-shared must stay pure.' },
            { name: 'playwright-core', message: 'src-shared must stay pure.' },
            { name: 'react', message: 'src-shared must stay pure.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'src-shared must not import Node modules.' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports nothing from main or renderer.' },
          ],
        },
      ],
    },
  },
  {
    // Campaigns reach LinkedIn only through page objects.
    files: ['src-main/core/campaigns/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'playwright-core', message: 'Campaigns talk to LinkedIn only through page objects.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
