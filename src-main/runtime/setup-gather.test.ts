import { describe, expect, it } from 'vitest';
import { Branch, defaultSettings, type MethodOutput, type Settings } from '../contract';
import type { RunRecord } from '../winthor';
import { gatherSetupFacts, type SetupSources } from './setup-gather';
import { setupSources } from './setup-sources.test-support';

const settings: Settings = {
  ...defaultSettings(),
  database: {
    ...defaultSettings().database,
    kind: 'oracle',
    oracle: { ...defaultSettings().database.oracle, connectString: 'winthor:1521/WINT', user: 'INTEGRA' },
  },
  branches: [Branch.parse({ code: '1', store: { url: 'https://loja.exemplo.com.br/api/v1', token: 't' } })],
};

const report: MethodOutput<'db.check'> = {
  ok: true,
  checks: [{ id: 'connection', label: 'Conexão', status: 'ok', detail: 'Oracle 19c' }],
};

const run = (status: RunRecord['status'], job = 'stock'): RunRecord => ({
  id: 1,
  job,
  branch: '1',
  trigger: 'schedule',
  startedAt: new Date(2026, 11, 1),
  finishedAt: new Date(2026, 11, 1),
  status,
  counts: {},
  message: null,
});

const sources = (runs: RunRecord[], held = false): SetupSources =>
  setupSources({
    settings: () => settings,
    check: async () => report,
    latestRuns: async () => runs,
    firstSyncHeld: async () => held,
  });

describe('the first-run guide on an installation that already syncs', () => {
  it('a branch that already synced with its store counts as tested, with no mark (upgrade, restored settings)', async () => {
    const facts = await gatherSetupFacts(sources([run('ok')]));
    expect(facts.branches[0]).toMatchObject({ storeTested: true, firstSyncRun: true });
  });

  it('a branch that never synced still needs its store tested', async () => {
    const facts = await gatherSetupFacts(sources([run('failed')]));
    expect(facts.branches[0]).toMatchObject({ storeTested: false, firstSyncRun: false });
  });

  it('a synced branch whose catalogue is still held (orders ran, the catalogue never did) says so for step 8', async () => {
    const facts = await gatherSetupFacts(sources([run('ok')], true));
    expect(facts.branches[0]).toMatchObject({ previewSeen: false, catalogueOnHold: true });
  });

  it('a hold that cannot be read shows as waiting, as the engine fails closed (ADR 0406)', async () => {
    const failing = {
      ...sources([run('ok')]),
      firstSyncHeld: async () => Promise.reject(new Error('ORA-03113')),
    };
    const facts = await gatherSetupFacts(failing);
    expect(facts.branches[0]).toMatchObject({ catalogueOnHold: true });
  });

  it('an orders run alone is not the first sync of step 8: the catalogue has not gone to the store yet', async () => {
    const facts = await gatherSetupFacts(sources([run('ok', 'orders')]));
    expect(facts.branches[0]).toMatchObject({ storeTested: true, firstSyncRun: false });
  });
});
