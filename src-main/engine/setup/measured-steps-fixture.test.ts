import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../contract';
import { measureSetup } from './measure-setup';
import type { CheckFact, SetupFacts } from './setup-facts';
import { readyBranch, readySetupFacts } from './setup-facts.test-support';

const NOW = new Date('2026-12-05T12:00:00Z');

const CHECKS: CheckFact[] = [
  {
    id: 'schema',
    label: 'Tabelas, sequences e triggers da integração',
    status: 'ok',
    detail: 'Versão 9 instalada.',
    labelRef: { key: 'prereq.schema.label' },
    detailRef: { key: 'prereq.schema.ok', params: { version: 9 } },
  },
];

const branch = readyBranch;

const facts = (changes: Partial<SetupFacts> = {}): SetupFacts =>
  readySetupFacts(
    {
      configured: true,
      ok: true,
      detail: 'SQLite 3 — banco embutido (demonstração)',
      detailRef: { key: 'prereq.connection.detail', params: { version: 'SQLite 3', mode: 'embedded' } },
    },
    CHECKS,
    changes,
  );

/** A first run as the guide meets it, one state of each step after another. */
const SCENARIOS: SetupFacts[] = [
  facts(),
  facts({ branches: [] }),
  facts({ branches: [branch({ storeConfigured: false, storeTested: false })] }),
  facts({ branches: [branch({ storeTested: false })] }),
  facts({ branches: [branch({ schedules: 0 })] }),
  facts({ branches: [branch({ unmapped: { billing: ['BOLETO'], plans: [], carriers: [] } })] }),
  facts({ branches: [branch({ emailSet: false, mailTested: false })] }),
  facts({ branches: [branch({ mailTested: false })] }),
  facts({ branches: [branch({ previewSeen: false, firstSyncRun: false, catalogueOnHold: true })] }),
  facts({ branches: [branch({ previewSeen: true, firstSyncRun: false, catalogueOnHold: true })] }),
  facts({ branches: [branch({ previewSeen: false, firstSyncRun: false })] }),
  facts({ branches: [branch({ firstSyncRun: false })] }),
];

/**
 * The steps measureSetup really says over a first run, written where the renderer's test reads them
 * (src-renderer/src/pages/setup/step-detail-text.test.ts renders them in English). The renderer may not
 * import the main process, so the measure is kept as a file; with CI=true a stale file fails here.
 */
describe('the measured steps the renderer’s English test reads', () => {
  it('are what measureSetup says now', async () => {
    expect(defaultSettings().branches).toEqual([]);
    const steps = SCENARIOS.flatMap((scenario) => measureSetup(scenario, NOW).steps);
    const distinct = [...new Map(steps.map((step) => [step.detail, step])).values()];
    await expect(`${JSON.stringify(distinct, null, 2)}\n`).toMatchFileSnapshot(
      '../../../src-renderer/src/pages/setup/measured-steps.fixture.json',
    );
  });
});
