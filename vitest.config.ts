import os from 'node:os';
import { defineConfig } from 'vitest/config';

// One runner for the whole repository: each package is a project so `npm test` runs them all
// and `vitest run --project core` runs one.
//
// No test may depend on the machine being idle: on a loaded 2-core machine a property test of a
// few hundred runs or a test starting a Node process took over Vitest's default 5 s (issue 8 §6).
// Timeouts only catch hangs here, so every project gets a generous one.
const SLOW_MACHINE = { testTimeout: 60_000, hookTimeout: 120_000 };
// Vitest's default on 2 cores is one worker (cores − 1), which leaves a core idle while a server
// test waits on PostgreSQL or the disk: most of the suite's time. Two workers overlap those waits;
// every test owns its database, ports and folders, so files may run side by side.
const WORKERS = Math.max(2, os.availableParallelism() - 1);
export default defineConfig({
  test: {
    maxWorkers: WORKERS,
    projects: [
      {
        test: {
          name: 'hj212',
          root: './packages/hj212',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          ...SLOW_MACHINE,
        },
      },
      { test: { name: 'core', root: './packages/core', include: ['src/**/*.test.ts'], ...SLOW_MACHINE } },
      {
        test: {
          name: 'server',
          root: './packages/server',
          include: ['src/**/*.test.ts'],
          globalSetup: ['./src/test/global-setup.ts'],
          setupFiles: ['./src/test/fixed-clock.ts'],
          ...SLOW_MACHINE,
          pool: 'forks',
          // Files share their worker's module graph instead of re-importing the whole server for
          // each (~3 s of CPU a file on 2 cores: half the suite's CPU). Safe because every file
          // owns its database, app and ports, module state is keyed by those handles (WeakMaps),
          // and the setup file re-pins the clock before each file. Measured on 18 server files:
          // 240 s → 83 s wall, 251 s → 139 s CPU.
          isolate: false,
        },
      },
      {
        test: {
          name: 'web',
          root: './packages/web',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'node',
          ...SLOW_MACHINE,
        },
      },
    ],
  },
});
