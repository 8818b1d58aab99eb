import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { FIRST_RUN } from './first-run-env';
import { LEASE_HOST } from './lease-env';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = fileURLToPath(new URL('../test-results/e2e-data', import.meta.url));
export const E2E_PORT = Number(process.env.WTC_E2E_PORT ?? 7585);
export const SCREENSHOT_DIR = fileURLToPath(new URL('./artifacts/screens', import.meta.url));

// A fresh data folder each run: the headless host starts with default settings and the demo data. The
// folder is emptied by the server command, not here: Playwright also loads this file in its workers.
const resetDataDir = `node -e "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })" "${dataDir}"`;

/** Debian's Chromium (no browser download here), with the flags this network needs. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: '../playwright-report', open: 'never' }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'pt-BR',
    viewport: { width: 1366, height: 850 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'browser', testDir: './browser' },
    { name: 'electron', testDir: './electron' },
  ],
  webServer: [
    {
      command: `${resetDataDir} && node --import tsx src-main/cli/main.ts --data-dir "${dataDir}" serve --demo --port ${E2E_PORT}`,
      cwd: root,
      url: `http://localhost:${E2E_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // A first run (issue #13): fresh non-demo data folder, embedded WinThor without the integration's
      // objects, a store sandbox — for "Primeiros passos" walked from the start (first-run-fresh.spec.ts).
      command: 'node --import tsx e2e/first-run-host.ts',
      cwd: root,
      url: `http://localhost:${FIRST_RUN.port}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // An integrator started on a WinThor database another engine holds (ADR 0310): "Em espera", then
      // "Assumir" — engine-lease.spec.ts.
      command: 'node --import tsx e2e/lease-host.ts',
      cwd: root,
      url: `http://localhost:${LEASE_HOST.port}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
