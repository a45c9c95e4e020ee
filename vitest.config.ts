/**
 * Test projects, one folder under test/ per source folder (docs/architecture.md, "Tests"):
 * `node` (shared, core, shell, contract, cli, sandbox, scripts), `renderer` (React in jsdom)
 * and `e2e` (the built renderer in headless Chromium bridged to the real core).
 */
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'test/contract/**/*.test.ts',
            'test/shared/**/*.test.ts',
            'test/shell/**/*.test.ts',
            'test/core/**/*.test.ts',
            'test/sandbox/**/*.test.ts',
            'test/scripts/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'src/**/*.test.ts',
          ],
          exclude: ['src/renderer/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.node.json' },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}', 'src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['test/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
