import { fileURLToPath } from 'node:url';

const base = Number(process.env.WTC_E2E_PORT ?? 7585);

/** Where the first-run host (e2e/first-run-host.ts) lives: next ports to the demo host's, own folders. */
export const FIRST_RUN = {
  port: base + 1000,
  storePort: base + 1001,
  storeToken: 'primeira-execucao-token',
  dataDir: fileURLToPath(new URL('../test-results/e2e-first-run', import.meta.url)),
  winthorDir: fileURLToPath(new URL('../test-results/e2e-first-run-winthor', import.meta.url)),
};
