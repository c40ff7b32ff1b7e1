/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Vitest projects by folder: every test file lands in exactly one of them.
//   tests/unit/**       Node: schema, loader, engine, machine, CLI, rules, analysis.
//   tests/components/** happy-dom: Preact screens through @testing-library/preact.
//   tests/browser/**    Node driving Debian's Chromium with playwright-core against dist/.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  test: {
    projects: [
      {
        extends: true,
        // Timeouts only catch hangs: a loaded 2-core CI machine can run a heavy test 10x slower.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'components', include: ['tests/components/**/*.test.{ts,tsx}'], environment: 'happy-dom', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
