import type { AppStatus } from '../contract';

/** An AppStatus for the tests of the tray, the tooltip and the alerts. */
export const statusWith = (
  engine: Partial<AppStatus['engine']> = {},
  extra: Partial<AppStatus> = {},
): AppStatus => ({
  name: 'Integrador WinThor Ciashop',
  version: '0.1.0',
  startedAt: '2026-11-28T10:00:00.000Z',
  uptimeSeconds: 10,
  host: 'desktop',
  demo: false,
  demoStoreUrl: null,
  service: false,
  web: null,
  engine: {
    state: 'running',
    summary: 'Em execução',
    detail: '',
    setupStep: null,
    heldForPreview: [],
    failure: null,
    noSchedules: false,
    standby: null,
    lastRunAt: null,
    runningJobs: [],
    ...engine,
  },
  ...extra,
});
