import type { SetupStepId } from '../../contract';

/** Each step's name as the engine's state and the logs say it (pt-BR); the UI has its own words by id. */
export const SETUP_STEP_TITLES: Record<SetupStepId, string> = {
  database: 'conectar o banco de dados do WinThor',
  prerequisites: 'pré-requisitos do WinThor (permissões, filiais, parâmetros)',
  schema: 'instalar os objetos da integração',
  store: 'loja de uma filial com URL e token testados',
  schedules: 'agendamentos das filiais',
  mappings: 'mapeamentos de cobrança, plano de pagamento e transportadora',
  email: 'e-mail de alertas com um teste enviado',
  firstSync: 'prévia e primeira sincronização',
};

/** "passo 1 — conectar o banco de dados do WinThor": how the engine's state names a step. */
export const setupStepLabel = (id: SetupStepId, number: number): string =>
  `passo ${number} — ${SETUP_STEP_TITLES[id]}`;

/**
 * Steps the demo cannot take by itself (ADR 0403): which WinThor code a store code it left unmapped on
 * purpose maps to, where alert mails go, and looking at the first-sync preview need a person. Every other
 * step the demo does on its own.
 */
export const DEMO_NEEDS_PERSON: readonly SetupStepId[] = ['mappings', 'email', 'firstSync'];
