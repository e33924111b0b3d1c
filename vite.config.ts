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
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['src-shared/**', 'src-main/core/**'],
      reporter: ['text-summary', 'lcov'],
    },
  },
});
