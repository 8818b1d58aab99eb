import type { SetupSources } from './setup-gather';

/**
 * Setup sources of an installation that is not the demo: nothing marked, no store state, every job
 * available, no order codes seen, no runs, no first-sync hold. A test gives the settings and the
 * prerequisites report, and replaces any other answer in `changes`.
 */
export const setupSources = (
  changes: Partial<SetupSources> & Pick<SetupSources, 'settings' | 'check'>,
): SetupSources => ({
  demo: false,
  storeStates: () => [],
  marks: () => ({ storeTested: {}, mailTested: {}, previewSeen: {}, firstSyncStarted: {} }),
  isAvailable: () => true,
  storeCodes: async (branch, kind) => ({
    branch,
    kind,
    source: 'orders',
    readAt: null,
    orders: 0,
    codes: [],
    problem: null,
  }),
  latestRuns: async () => [],
  firstSyncHeld: async () => false,
  ...changes,
});
