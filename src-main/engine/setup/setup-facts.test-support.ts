import type { BranchFacts, CheckFact, SetupFacts } from './setup-facts';

/** A branch with every step of the guide done; `changes` undo the ones a test needs undone. */
export const readyBranch = (changes: Partial<BranchFacts> = {}): BranchFacts => ({
  code: '1',
  enabled: true,
  storeConfigured: true,
  storeTested: true,
  storeProblem: null,
  schedules: 8,
  unmapped: { billing: [], plans: [], carriers: [] },
  mappingProblem: null,
  emailSet: true,
  mailTested: true,
  previewSeen: true,
  firstSyncRun: true,
  ...changes,
});

/**
 * Setup facts of an installation that is not the demo, its database answering as `database` says, with
 * these prerequisite checks and one ready branch; `changes` replace any part.
 */
export const readySetupFacts = (
  database: SetupFacts['database'],
  checks: CheckFact[],
  changes: Partial<SetupFacts> = {},
): SetupFacts => ({
  demo: false,
  database,
  checks,
  branches: [readyBranch()],
  ...changes,
});
