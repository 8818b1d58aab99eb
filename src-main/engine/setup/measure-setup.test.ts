import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_NAMES, defaultSettings, type SetupStepId } from '../../contract';
import { checkPrerequisites } from '../../winthor/prerequisites';
import { install } from '../../winthor/schema/installer';
import { createTestWinthor } from '../../winthor/test-winthor.test-support';
import { PARAMETER_RULES } from '../domain/parameter-rules';
import { measureSetup } from './measure-setup';
import { readinessOf } from './readiness';
import type { CheckFact, SetupFacts } from './setup-facts';
import { readyBranch, readySetupFacts } from './setup-facts.test-support';

const NOW = new Date('2026-12-05T12:00:00Z');

const OK_CHECKS: CheckFact[] = [
  { id: 'connection', label: 'Conexão', status: 'ok', detail: 'SQLite — banco embutido' },
  { id: 'grants.read', label: 'Leitura', status: 'ok', detail: 'ok' },
  { id: 'parameter.1.4009', label: 'Parâmetro 4009', status: 'ok', detail: 'plano 1' },
  { id: 'schema', label: 'Objetos da integração', status: 'ok', detail: 'versão 9 instalada' },
];

const allDone = (changes: Partial<SetupFacts> = {}): SetupFacts =>
  readySetupFacts({ configured: true, ok: true, detail: 'SQLite — banco embutido' }, OK_CHECKS, changes);

const step = (facts: SetupFacts, id: SetupStepId) => measureSetup(facts, NOW).steps.find((s) => s.id === id)!;

describe('measureSetup: each step measured from what the runtime read', () => {
  it('all done: complete, nothing blocks, eight steps in the tutorial order', () => {
    const status = measureSetup(allDone(), NOW);
    expect(status.steps.map((s) => `${s.number}:${s.id}:${s.state}`)).toEqual([
      '1:database:done',
      '2:prerequisites:done',
      '3:schema:done',
      '4:store:done',
      '5:schedules:done',
      '6:mappings:done',
      '7:email:done',
      '8:firstSync:done',
    ]);
    expect(status).toMatchObject({ complete: true, firstBlocking: null });
  });

  it('1: a fresh install (no connection typed) is open and blocks everything after it', () => {
    const facts = allDone({ database: { configured: false, ok: false, detail: '' }, checks: null });
    const status = measureSetup(facts, NOW);
    expect(status.firstBlocking).toBe('database');
    expect(step(facts, 'database')).toMatchObject({
      state: 'open',
      detail: expect.stringContaining('Banco de Dados'),
    });
    expect(step(facts, 'prerequisites')).toMatchObject({
      state: 'open',
      detail: expect.stringContaining('passo 1'),
    });
    expect(readinessOf(status, facts)).toMatchObject({
      waitingFor: { step: 'database', label: 'passo 1 — conectar o banco de dados do WinThor' },
      failing: [],
    });
  });

  it('1: a configured database that does not answer is failing: the engine shows an error, not "waiting"', () => {
    const facts = allDone({
      database: { configured: true, ok: false, detail: 'ORA-12541: sem listener em db:1521.' },
      checks: null,
    });
    const status = measureSetup(facts, NOW);
    expect(step(facts, 'database')).toMatchObject({
      state: 'failing',
      detail: expect.stringContaining('ORA-12541'),
    });
    expect(readinessOf(status, facts)).toMatchObject({
      waitingFor: null,
      failing: ['Banco de dados: ORA-12541: sem listener em db:1521.'],
    });
  });

  it('3: the integration objects not installed keep step 3 open with the report line', () => {
    const checks = OK_CHECKS.map((c) =>
      c.id === 'schema'
        ? { ...c, status: 'error' as const, detail: 'não instaladas', fix: 'Clique em Criar Tabelas.' }
        : c,
    );
    const facts = allDone({ checks });
    expect(step(facts, 'schema')).toMatchObject({
      state: 'open',
      detail: expect.stringContaining('Criar Tabelas'),
    });
    expect(measureSetup(facts, NOW).firstBlocking).toBe('schema');
    // The schema line belongs to step 3, not to the prerequisites.
    expect(step(facts, 'prerequisites').state).toBe('done');
  });

  it('4: no branch, a branch without store, a store not tested, a store failing', () => {
    expect(step(allDone({ branches: [] }), 'store')).toMatchObject({
      state: 'open',
      detail: expect.stringContaining('cadastre a filial'),
    });
    const noStore = allDone({ branches: [readyBranch({ storeConfigured: false, storeTested: false })] });
    expect(step(noStore, 'store').detail).toBe('Filial 1: informe a URL e o token da loja em Configuração.');
    const untested = allDone({ branches: [readyBranch({ storeTested: false })] });
    expect(step(untested, 'store').detail).toContain('Testar conexão');
    expect(step(untested, 'schedules').detail).toContain('passo 4');
    const failing = allDone({ branches: [readyBranch({ storeProblem: 'token recusado (401).' })] });
    expect(step(failing, 'store')).toMatchObject({
      state: 'failing',
      detail: 'Loja da filial 1: token recusado (401).',
    });
    expect(readinessOf(measureSetup(failing, NOW), failing).failing).toEqual([
      'Loja da filial 1: token recusado (401).',
    ]);
  });

  it('4: one branch ready is enough to run, but the other branch whose store fails shows as an error', () => {
    const facts = allDone({
      branches: [
        readyBranch(),
        readyBranch({ code: '2', storeProblem: 'a loja não responde (5 falhas seguidas).' }),
      ],
    });
    const status = measureSetup(facts, NOW);
    expect(step(facts, 'store').state).toBe('done');
    expect(readinessOf(status, facts)).toMatchObject({
      waitingFor: null,
      failing: ['Loja da filial 2: a loja não responde (5 falhas seguidas).'],
    });
  });

  it('5: a ready branch without an enabled schedule keeps step 5 open, naming it', () => {
    const facts = allDone({ branches: [readyBranch({ schedules: 0 })] });
    expect(step(facts, 'schedules')).toMatchObject({
      state: 'open',
      detail: expect.stringContaining('Filial 1: nenhum agendamento'),
    });
    expect(measureSetup(facts, NOW).firstBlocking).toBe('schedules');
  });

  it('6: a code of the store’s orders without mapping keeps step 6 open (not blocking), with its kind', () => {
    const facts = allDone({
      branches: [readyBranch({ unmapped: { billing: [], plans: ['3x (CreditCard)'], carriers: [] } })],
    });
    const mappings = step(facts, 'mappings');
    expect(mappings).toMatchObject({
      state: 'open',
      blocking: false,
      detail: 'Filial 1: plano de pagamento sem mapeamento para 3x (CreditCard).',
      detailRef: { key: 'setup.mappings.missing.plans' },
    });
    const status = measureSetup(facts, NOW);
    expect(status).toMatchObject({ firstBlocking: null, complete: false });
  });

  it('7: e-mail not set or not tested is optional: the guide can be complete without it', () => {
    const unset = allDone({ branches: [readyBranch({ emailSet: false, mailTested: false })] });
    expect(step(unset, 'email').state).toBe('optional');
    expect(measureSetup(unset, NOW).complete).toBe(true);
    const untested = allDone({ branches: [readyBranch({ mailTested: false })] });
    expect(step(untested, 'email').detail).toContain('envie um e-mail de teste');
  });

  it('8: the preview not seen, then the first sync not run', () => {
    const unseen = allDone({ branches: [readyBranch({ previewSeen: false, firstSyncRun: false })] });
    expect(step(unseen, 'firstSync').detail).toContain('Prévia da primeira sincronização');
    const notRun = allDone({ branches: [readyBranch({ firstSyncRun: false })] });
    expect(step(notRun, 'firstSync').detail).toContain('Executar agora');
  });

  it('in the demo, the steps that need a person are flagged while open (mappings, e-mail, preview)', () => {
    const facts = allDone({
      demo: true,
      branches: [
        readyBranch({
          emailSet: false,
          mailTested: false,
          previewSeen: false,
          unmapped: { billing: ['DebitCard'], plans: [], carriers: [] },
        }),
      ],
    });
    const status = measureSetup(facts, NOW);
    expect(status.steps.filter((s) => s.needsPerson).map((s) => s.id)).toEqual([
      'mappings',
      'email',
      'firstSync',
    ]);
    expect(measureSetup(allDone({ demo: true }), NOW).steps.some((s) => s.needsPerson)).toBe(false);
  });
});

describe('step 2 on the embedded WinThor: the real prerequisites report', () => {
  it('parameter 4009 pointing at a payment plan that does not exist keeps step 2 open, naming it', async () => {
    const db = await createTestWinthor({ products: 5, customers: 3 });
    try {
      await install(db);
      const settings = defaultSettings();
      const measure = async () => {
        const checks = await checkPrerequisites(db, settings, PARAMETER_RULES);
        return step(allDone({ checks }), 'prerequisites');
      };
      expect((await measure()).state).toBe('done');
      await db.execute(`UPDATE PCPARAMFILIAL SET VALOR = :value WHERE PCPARAMFILIAL.NOME = :name`, {
        value: '9999',
        name: DEFAULT_PARAMETER_NAMES['4009'],
      });
      const open = await measure();
      expect(open.state).toBe('open');
      expect(open.detail).toMatch(/4009/);
      expect(open.detail).toMatch(/9999/);
    } finally {
      await db.close();
    }
  });

  it('3: without CREATE TABLE/SEQUENCE/TRIGGER the step says the user cannot install and names the fix: the DBA runs the script', () => {
    const facts = allDone({
      checks: [
        ...OK_CHECKS.filter((check) => check.id !== 'schema'),
        {
          id: 'grants.create',
          label: 'Criação dos objetos da integração',
          labelRef: { key: 'prereq.create.label' },
          status: 'warning',
          detail: 'Faltam: CREATE TABLE, CREATE TRIGGER.',
          detailRef: { key: 'prereq.create.missing', params: { privileges: 'CREATE TABLE, CREATE TRIGGER' } },
          fix: 'Peça ao DBA: GRANT CREATE TABLE, CREATE TRIGGER TO INTEGRA; ou entregue ao DBA o script de "Criar Tabelas / Sequences / Triggers" (visualizar script) para ele executar.',
        },
        {
          id: 'schema',
          label: 'Tabelas, sequences e triggers da integração',
          status: 'warning',
          detail: 'Não instaladas (versão atual do instalador: 9).',
          fix: 'Use "Criar Tabelas / Sequences / Triggers" …',
        },
      ],
    });
    const schema = step(facts, 'schema');
    expect(schema.state).toBe('open');
    expect(schema.detail).toContain('Faltam: CREATE TABLE, CREATE TRIGGER.');
    expect(schema.detail).toContain('Peça ao DBA: GRANT CREATE TABLE, CREATE TRIGGER TO INTEGRA');
    expect(schema.detail).toContain(
      'O usuário do integrador não pode criar os objetos: o DBA executa o script',
    );
    // The app's own install button would fail here: its advice is left out.
    expect(schema.detail).not.toContain('Use "Criar Tabelas');
    expect(schema.detailRef).toEqual({ key: 'setup.schema.cannotCreate' });
    expect(schema.checks?.map((line) => line.labelRef?.key ?? line.label)).toEqual([
      'Tabelas, sequences e triggers da integração',
      'prereq.create.label',
    ]);
    expect(schema.checks?.[1]?.detailRef?.key).toBe('prereq.create.missing');
    // Installed already: the missing privileges no longer matter to step 3.
    expect(step(allDone({ checks: [...OK_CHECKS, facts.checks![3]!] }), 'schema').state).toBe('done');
  });

  it('1–3 carry message keys for English: the connection line, a prerequisite error, the schema version', () => {
    const facts = allDone({
      database: {
        configured: true,
        ok: true,
        detail: 'Oracle 19c — driver em modo Thin',
        detailRef: { key: 'prereq.connection.detail', params: { version: 'Oracle 19c', mode: 'thin' } },
      },
      checks: [
        ...OK_CHECKS.filter((check) => check.id !== 'schema'),
        {
          id: 'parameter.1.4009',
          label: 'Parâmetro 4009',
          labelRef: { key: 'prereq.parameter.label', params: { parameter: '4009', branch: '1' } },
          status: 'error',
          detail: 'O código 99 não existe em PCPLPAG.',
          detailRef: { key: 'prereq.parameter.notExists', params: { value: '99', table: 'PCPLPAG' } },
        },
        { id: 'branch.1', label: 'Filial 1', status: 'error', detail: 'Não está no cadastro.' },
        {
          id: 'schema',
          label: 'Objetos',
          status: 'ok',
          detail: 'Versão 9 instalada.',
          detailRef: { key: 'prereq.schema.ok', params: { version: 9 } },
        },
      ],
    });
    expect(step(facts, 'database').detailRef).toEqual(facts.database.detailRef);
    const prerequisites = step(facts, 'prerequisites');
    expect(prerequisites.detailRef).toEqual({ key: 'setup.prerequisites.more', params: { count: 1 } });
    expect(prerequisites.checks).toEqual([
      expect.objectContaining({
        labelRef: expect.objectContaining({ key: 'prereq.parameter.label' }),
        detailRef: expect.objectContaining({ key: 'prereq.parameter.notExists' }),
      }),
    ]);
    expect(step(facts, 'schema').detailRef).toEqual({ key: 'prereq.schema.ok', params: { version: 9 } });
    const failing = allDone({ database: { configured: true, ok: false, detail: 'ORA-12541' } });
    expect(step(failing, 'database').detailRef).toEqual({
      key: 'setup.database.failing',
      params: { detail: 'ORA-12541' },
    });
  });

  it('8: a branch whose catalogue waits for the preview says so (ADR 0406)', () => {
    const facts = allDone({
      branches: [readyBranch({ previewSeen: false, firstSyncRun: false, catalogueOnHold: true })],
    });
    expect(step(facts, 'firstSync')).toMatchObject({
      state: 'open',
      detail: expect.stringMatching(/^Aguardando: veja a prévia da primeira sincronização — filial 1\./),
      detailRef: { key: 'setup.firstSync.held', params: { branch: '1' } },
      blocking: false,
    });
  });

  it('8: seeing the preview closes only its half — the held catalogue waits for "Iniciar primeira sincronização" (ADR 0406)', () => {
    const facts = allDone({
      branches: [readyBranch({ previewSeen: true, firstSyncRun: false, catalogueOnHold: true })],
    });
    expect(step(facts, 'firstSync')).toMatchObject({
      state: 'open',
      detail: expect.stringContaining('prévia vista. Clique em "Iniciar primeira sincronização"'),
      detailRef: { key: 'setup.firstSync.start', params: { branch: '1' } },
    });
    // Released (started by hand, or its store holds the catalogue): what is left is the run itself.
    const released = allDone({
      branches: [readyBranch({ previewSeen: true, firstSyncRun: false, catalogueOnHold: false })],
    });
    expect(step(released, 'firstSync').detailRef).toEqual({
      key: 'setup.firstSync.run',
      params: { branch: '1' },
    });
  });
});
