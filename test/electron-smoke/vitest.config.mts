import { defineConfig } from 'vitest/config';

// The packaged-app smoke test: run only by the packaging workflow (it needs the real Electron package),
// never by `npm test` (whose pattern is *.test.ts).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/electron-smoke/**/*.smoke.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
