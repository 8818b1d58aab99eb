import { fileURLToPath } from 'node:url';

const base = Number(process.env.WTC_E2E_PORT ?? 7585);

/**
 * Where the lease host (e2e/lease-host.ts) lives: an engine started on a WinThor database another engine
 * already holds (ADR 0310). Its own port and folders, next to the first-run host's.
 */
export const LEASE_HOST = {
  port: base + 1002,
  dataDir: fileURLToPath(new URL('../test-results/e2e-lease', import.meta.url)),
  winthorDir: fileURLToPath(new URL('../test-results/e2e-lease-winthor', import.meta.url)),
  /** The other engine, as its lease row names it. */
  other: {
    instanceId: 'outro-integrador-e2e',
    hostName: 'SRV-WINTHOR',
    dataDir: 'C:\\ProgramData\\IntegradorWinThorCiashop',
  },
};
