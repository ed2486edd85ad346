import { defineConfig } from 'vitest/config';

// One runner for the whole repository: each package is a project so `npm test` runs them all
// and `vitest run --project core` runs one.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'hj212', root: './packages/hj212', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { test: { name: 'core', root: './packages/core', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          root: './packages/server',
          include: ['src/**/*.test.ts'],
          globalSetup: ['./src/test/global-setup.ts'],
          setupFiles: ['./src/test/fixed-clock.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      { test: { name: 'web', root: './packages/web', include: ['src/**/*.test.{ts,tsx}'], environment: 'node' } },
    ],
  },
});
