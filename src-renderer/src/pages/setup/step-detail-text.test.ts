import { afterAll, describe, expect, it } from 'vitest';
import type { SetupStep } from '@contract';
import { setupI18n } from '../../i18n';
import { serverText } from '../../i18n/server-text';
import measured from './measured-steps.fixture.json';
import { stepDetailText } from './step-detail-text';

const schemaStep: SetupStep = {
  id: 'schema',
  number: 3,
  state: 'open',
  blocking: true,
  needsPerson: false,
  detail:
    'Tabelas, sequences e triggers da integração: Não instaladas (versão atual do instalador: 7). Criação dos objetos da integração: Faltam: CREATE TABLE. Peça ao DBA: GRANT CREATE TABLE TO INTEGRA; … O usuário do integrador não pode criar os objetos: o DBA executa o script de instalação (…).',
  detailRef: { key: 'setup.schema.cannotCreate' },
  checks: [
    {
      label: 'Tabelas, sequences e triggers da integração',
      labelRef: { key: 'prereq.schema.label' },
      detail: 'Não instaladas (versão atual do instalador: 7).',
      detailRef: { key: 'prereq.schema.missing', params: { target: 7 } },
    },
    {
      label: 'Criação dos objetos da integração',
      labelRef: { key: 'prereq.create.label' },
      detail: 'Faltam: CREATE TABLE.',
      detailRef: { key: 'prereq.create.missing', params: { privileges: 'CREATE TABLE' } },
      fix: 'Peça ao DBA: GRANT CREATE TABLE TO INTEGRA; …',
      fixRef: { key: 'prereq.create.fixGrant', params: { privileges: 'CREATE TABLE', user: 'INTEGRA' } },
    },
  ],
};

/** Words only the pt-BR texts of the guide use: none may be left in an English line. */
const PORTUGUESE =
  /\b(Filial|filial|Aguardando|Clique|clique|prévia|Prévia|abra|rode|Teste|cadastre|agendamento|mapeamento|Nenhuma|loja|feita|Configuração)\b/;

describe('a step’s detail in the UI’s language (ADR 0407)', () => {
  const i18n = setupI18n('pt-BR');
  afterAll(() => i18n.changeLanguage('pt-BR'));

  it('English: every step measureSetup really says over a first run (its file, kept by a main test)', async () => {
    const steps = measured as SetupStep[];
    expect(steps.length).toBeGreaterThan(15);
    await i18n.changeLanguage('en');
    try {
      for (const step of steps) {
        const text = stepDetailText(i18n, step);
        expect(text, step.detail).not.toBe(step.detail);
        expect(text, step.detail).not.toMatch(PORTUGUESE);
        expect(text, step.detail).not.toContain('{{');
      }
      const held = steps.find((step) => step.detailRef?.key === 'setup.firstSync.start')!;
      expect(stepDetailText(i18n, held)).toBe(
        'Branch 1: preview seen. Click "Start first sync" in the preview (or "Run now" on the Dashboard) to send categories, products, prices and stock to the store; orders are already read.',
      );
    } finally {
      await i18n.changeLanguage('pt-BR');
    }
  });

  it('pt-BR: the server’s words as they came', () => {
    expect(stepDetailText(i18n, schemaStep)).toBe(schemaStep.detail);
  });

  it('English: the quoted report lines from their keys, then what the step adds (step 3 without CREATE)', async () => {
    await i18n.changeLanguage('en');
    expect(stepDetailText(i18n, schemaStep)).toBe(
      'Integration tables, sequences and triggers: Not installed (installer version: 7). ' +
        'Creating the integration objects: Missing: CREATE TABLE. Ask the DBA: GRANT CREATE TABLE TO INTEGRA; or hand the DBA the "Create tables / sequences / triggers" script (view script) to run. ' +
        'The integrator’s user cannot create the objects: the DBA runs the install script (Database → "Show install script", or integrador db install --dry-run).',
    );
    await i18n.changeLanguage('pt-BR');
  });

  it('English: the engine waiting for a step, held for a preview, a job failing', async () => {
    await i18n.changeLanguage('en');
    expect(
      serverText(i18n, 'passo 2 — …', {
        key: 'engineState.waiting',
        params: { number: 2, step: '@engineState.steps.prerequisites' },
      }),
    ).toBe('step 2 — WinThor prerequisites (grants, branches, parameters)');
    expect(serverText(i18n, 'x', { key: 'engineState.heldForPreview', params: { branches: '1, 2' } })).toBe(
      'Waiting: see the first sync preview — step 8 (branch 1, 2)',
    );
    expect(
      serverText(i18n, 'x', {
        key: 'engineState.jobFailed',
        params: { job: 'stock', branch: '1', message: 'loja fora do ar' },
      }),
    ).toBe('Stock (branch 1): loja fora do ar');
    await i18n.changeLanguage('pt-BR');
  });
});
