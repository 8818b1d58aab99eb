import {
  BLOCKING_SETUP_STEPS,
  SETUP_STEPS,
  messageRef,
  type MappingKind,
  type MessageRef,
  type SetupCheckLine,
  type SetupStatus,
  type SetupStep,
  type SetupStepId,
  type SetupStepState,
} from '../../contract';
import type { BranchFacts, CheckFact, SetupFacts } from './setup-facts';
import { DEMO_NEEDS_PERSON } from './setup-steps';

interface Measure {
  state: SetupStepState;
  detail: string;
  detailRef?: MessageRef;
  checks?: SetupCheckLine[];
}

const done = (detail: string, ref?: MessageRef): Measure => ({
  state: 'done',
  detail,
  ...(ref ? { detailRef: ref } : {}),
});
const open = (detail: string, ref?: MessageRef): Measure => ({
  state: 'open',
  detail,
  ...(ref ? { detailRef: ref } : {}),
});

/** Report lines that belong to other steps: the connection (step 1) and the integration's objects (step 3). */
const OTHER_STEPS_CHECKS = new Set(['connection', 'schema', 'grants.create']);

const measureDatabase = ({ database }: SetupFacts): Measure => {
  if (!database.configured)
    return open(
      'Nenhuma conexão com o WinThor configurada: informe o Oracle (host:porta/serviço, usuário e senha) em Banco de Dados.',
      messageRef('setup.database.none'),
    );
  if (!database.ok)
    return {
      state: 'failing',
      detail: `Banco de dados: ${database.detail}`,
      detailRef: messageRef('setup.database.failing', { detail: database.detail }),
    };
  return done(database.detail, database.detailRef);
};

/** A report line as the step quotes it, with its keys; `withFix` false leaves its fix out. */
const lineOf = (check: CheckFact, withFix = true): SetupCheckLine => ({
  label: check.label,
  detail: check.detail,
  ...(withFix && check.fix ? { fix: check.fix } : {}),
  ...(check.labelRef ? { labelRef: check.labelRef } : {}),
  ...(check.detailRef ? { detailRef: check.detailRef } : {}),
  ...(withFix && check.fixRef ? { fixRef: check.fixRef } : {}),
});

const describeLine = (line: SetupCheckLine): string =>
  `${line.label}: ${line.detail}${line.fix ? ` ${line.fix}` : ''}`;
const describeCheck = (check: CheckFact): string => describeLine(lineOf(check));

const measurePrerequisites = ({ checks }: SetupFacts): Measure => {
  if (!checks) return open('Conecte o banco de dados primeiro (passo 1).', messageRef('setup.needsDatabase'));
  const own = checks.filter((check) => !OTHER_STEPS_CHECKS.has(check.id));
  const errors = own.filter((check) => check.status === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (e mais ${errors.length - 1} item(ns) no relatório)` : '';
    return {
      ...open(
        `${describeCheck(errors[0]!)}${more}`,
        errors.length > 1 ? messageRef('setup.prerequisites.more', { count: errors.length - 1 }) : undefined,
      ),
      checks: [lineOf(errors[0]!)],
    };
  }
  const warnings = own.filter((check) => check.status === 'warning').length;
  return done(
    `${own.length} verificação(ões) em ordem${warnings > 0 ? `, ${warnings} aviso(s)` : ''}.`,
    messageRef('setup.prerequisites.ok', { checks: own.length, warnings }),
  );
};

const measureSchema = ({ checks }: SetupFacts): Measure => {
  if (!checks) return open('Conecte o banco de dados primeiro (passo 1).', messageRef('setup.needsDatabase'));
  const schema = checks.find((check) => check.id === 'schema');
  if (!schema)
    return open('A versão dos objetos da integração não pôde ser lida.', messageRef('setup.schema.unread'));
  if (schema.status === 'ok') return done(schema.detail, schema.detailRef);
  // The user cannot create the objects (CREATE TABLE/SEQUENCE/TRIGGER missing, or another owner's schema):
  // the app's install button would fail, so the step names the fix — the DBA runs the script (ADR 0101).
  const create = checks.find((check) => check.id === 'grants.create');
  if (create && create.status !== 'ok') {
    const lines = [lineOf(schema, false), lineOf(create)];
    return {
      ...open(
        `${lines.map(describeLine).join(' ')} O usuário do integrador não pode criar os objetos: o DBA executa o script de instalação (Banco de Dados → "Ver script de instalação", ou integrador db install --dry-run).`,
        messageRef('setup.schema.cannotCreate'),
      ),
      checks: lines,
    };
  }
  return { ...open(describeCheck(schema)), checks: [lineOf(schema)] };
};

const enabled = (facts: SetupFacts): BranchFacts[] => facts.branches.filter((branch) => branch.enabled);
/** Branches whose store is configured, tested and answering: the ones the later steps are about. */
const readyBranches = (facts: SetupFacts): BranchFacts[] =>
  enabled(facts).filter((b) => b.storeConfigured && b.storeTested && !b.storeProblem);

const measureStore = (facts: SetupFacts): Measure => {
  const branches = enabled(facts);
  if (branches.length === 0)
    return open(
      'Nenhuma filial cadastrada: cadastre a filial em Configuração.',
      messageRef('setup.store.noBranch'),
    );
  const ready = readyBranches(facts);
  const failing = branches.find((b) => b.storeConfigured && b.storeProblem);
  if (ready.length > 0) {
    const codes = ready.map((b) => b.code).join(', ');
    return done(`Loja testada: filial ${codes}.`, messageRef('setup.store.ok', { branches: codes }));
  }
  if (failing)
    return {
      state: 'failing',
      detail: `Loja da filial ${failing.code}: ${failing.storeProblem}`,
      detailRef: messageRef('engineState.storeFailing', {
        branch: failing.code,
        problem: failing.storeProblem,
      }),
    };
  const untested = branches.find((b) => b.storeConfigured);
  if (untested)
    return open(
      `Filial ${untested.code}: clique em "Testar conexão" da loja em Configuração.`,
      messageRef('setup.store.untested', { branch: untested.code }),
    );
  return open(
    `Filial ${branches[0]!.code}: informe a URL e o token da loja em Configuração.`,
    messageRef('setup.store.missing', { branch: branches[0]!.code }),
  );
};

const measureSchedules = (facts: SetupFacts): Measure => {
  const ready = readyBranches(facts);
  if (ready.length === 0)
    return open('Teste a loja de uma filial primeiro (passo 4).', messageRef('setup.needsStore'));
  const without = ready.find((b) => b.schedules === 0);
  if (without)
    return open(
      `Filial ${without.code}: nenhum agendamento ativo. Ative ao menos um em Cadastrar → Agendamento.`,
      messageRef('setup.schedules.none', { branch: without.code }),
    );
  const total = ready.reduce((n, b) => n + b.schedules, 0);
  return done(`${total} agendamento(s) ativo(s).`, messageRef('setup.schedules.ok', { count: total }));
};

const KIND_NAMES: Record<MappingKind, string> = {
  billing: 'cobrança',
  plans: 'plano de pagamento',
  carriers: 'transportadora',
};

const measureMappings = (facts: SetupFacts): Measure => {
  const ready = readyBranches(facts);
  if (ready.length === 0)
    return open('Teste a loja de uma filial primeiro (passo 4).', messageRef('setup.needsStore'));
  for (const branch of ready) {
    if (branch.mappingProblem)
      return open(
        `Filial ${branch.code}: ${branch.mappingProblem}`,
        messageRef('setup.mappings.problem', { branch: branch.code, problem: branch.mappingProblem }),
      );
    for (const kind of ['billing', 'plans', 'carriers'] as const) {
      const codes = branch.unmapped?.[kind] ?? [];
      if (codes.length > 0)
        return open(
          `Filial ${branch.code}: ${KIND_NAMES[kind]} sem mapeamento para ${codes.join(', ')}.`,
          messageRef(`setup.mappings.missing.${kind}`, { branch: branch.code, codes: codes.join(', ') }),
        );
    }
  }
  return done('Os códigos dos pedidos da loja têm mapeamento.', messageRef('setup.mappings.ok'));
};

const measureEmail = (facts: SetupFacts): Measure => {
  const branches = enabled(facts);
  if (branches.length === 0)
    return {
      state: 'optional',
      detail: 'O e-mail de alertas é configurado por filial: cadastre a filial primeiro (opcional).',
      detailRef: messageRef('setup.email.noBranch'),
    };
  const unset = branches.find((b) => !b.emailSet);
  if (unset)
    return {
      state: 'optional',
      detail: `Filial ${unset.code}: e-mail de alertas não configurado (opcional).`,
      detailRef: messageRef('setup.email.unset', { branch: unset.code }),
    };
  const untested = branches.find((b) => !b.mailTested);
  if (untested)
    return {
      state: 'optional',
      detail: `Filial ${untested.code}: envie um e-mail de teste em Cadastrar → E-mail.`,
      detailRef: messageRef('setup.email.untested', { branch: untested.code }),
    };
  return done('E-mail de alertas testado.', messageRef('setup.email.ok'));
};

const measureFirstSync = (facts: SetupFacts): Measure => {
  const ready = readyBranches(facts);
  if (ready.length === 0)
    return open('Teste a loja de uma filial primeiro (passo 4).', messageRef('setup.needsStore'));
  // Seeing the preview closes only its half: the catalogue waits for a person to start it (ADR 0406).
  const held = ready.find((b) => b.catalogueOnHold);
  if (held && held.previewSeen)
    return open(
      `Filial ${held.code}: prévia vista. Clique em "Iniciar primeira sincronização" na prévia (ou "Executar agora" no Painel) para enviar categorias, produtos, preços e estoque à loja; os pedidos já são lidos.`,
      messageRef('setup.firstSync.start', { branch: held.code }),
    );
  if (held)
    return open(
      `Aguardando: veja a prévia da primeira sincronização — filial ${held.code}. Depois, clique nela em "Iniciar primeira sincronização" (ou "Executar agora"): só então categorias, produtos, preços e estoque vão à loja; os pedidos já são lidos.`,
      messageRef('setup.firstSync.held', { branch: held.code }),
    );
  const unseen = ready.find((b) => !b.previewSeen);
  if (unseen)
    return open(
      `Filial ${unseen.code}: abra a "Prévia da primeira sincronização" no Painel.`,
      messageRef('setup.firstSync.preview', { branch: unseen.code }),
    );
  const notRun = ready.find((b) => !b.firstSyncRun);
  if (notRun)
    return open(
      `Filial ${notRun.code}: rode a primeira sincronização ("Executar agora" no Painel).`,
      messageRef('setup.firstSync.run', { branch: notRun.code }),
    );
  return done('Prévia vista e primeira sincronização feita.', messageRef('setup.firstSync.ok'));
};

const MEASURES: Record<SetupStepId, (facts: SetupFacts) => Measure> = {
  database: measureDatabase,
  prerequisites: measurePrerequisites,
  schema: measureSchema,
  store: measureStore,
  schedules: measureSchedules,
  mappings: measureMappings,
  email: measureEmail,
  firstSync: measureFirstSync,
};

/** The eight steps measured from what the runtime gathered; pure, so each measure has its unit test. */
export const measureSetup = (facts: SetupFacts, now: Date): SetupStatus => {
  const steps: SetupStep[] = SETUP_STEPS.map((id, index) => {
    const measure = MEASURES[id](facts);
    return {
      id,
      number: index + 1,
      ...measure,
      needsPerson: facts.demo && measure.state !== 'done' && DEMO_NEEDS_PERSON.includes(id),
      blocking: BLOCKING_SETUP_STEPS.includes(id),
    };
  });
  const firstBlocking = steps.find((step) => step.blocking && step.state !== 'done')?.id ?? null;
  return {
    steps,
    firstBlocking,
    complete: steps.every((step) => step.state === 'done' || step.state === 'optional'),
    measuredAt: now.toISOString(),
  };
};
