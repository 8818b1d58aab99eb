import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['src-main/**/*.test.ts', 'scripts/**/*.test.ts'],
          // The crash-safety tests kill child processes for minutes: npm run test:crash (part of npm test).
          exclude: ['**/node_modules/**', '**/*.crash.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        resolve: {
          alias: { '@contract': fileURLToPath(new URL('./src-main/contract/index.ts', import.meta.url)) },
        },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['src-renderer/src/**/*.test.{ts,tsx}'],
          setupFiles: ['src-renderer/src/test-setup.ts'],
        },
      },
    ],
  },
});
