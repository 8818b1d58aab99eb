import { defineConfig } from 'vitest/config';

/** The crash-safety tests (SIGKILL of the engine's process during an import): `npm run test:crash`. */
export default defineConfig({
  test: {
    name: 'crash',
    environment: 'node',
    include: ['src-main/**/*.crash.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
