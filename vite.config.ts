import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const shared = fileURLToPath(new URL('./src-shared', import.meta.url));

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': shared } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Three on two cores: the suite waits on Chromium, pacing and child processes more than it computes
    // (a full CI run with two workers kept about one core busy on average).
    maxWorkers: 3,
    coverage: {
      provider: 'v8',
      // On in CI (`.ci/run` sets CI=true): `npm test` there fails when coverage falls under the thresholds.
      enabled: process.env.CI === 'true',
      include: ['src-shared/**/*.ts', 'src-main/core/**/*.ts'],
      reporter: ['text-summary', 'lcov'],
      reportsDirectory: '.coverage',
      thresholds: { lines: 65, statements: 65, functions: 65, branches: 55 },
    },
  },
});
