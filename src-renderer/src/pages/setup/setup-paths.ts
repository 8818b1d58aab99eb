import type { SetupStep, SetupStepId } from '@contract';

const PATHS: Record<SetupStepId, string> = {
  database: '/banco-de-dados',
  prerequisites: '/banco-de-dados',
  schema: '/banco-de-dados',
  store: '/configuracao',
  schedules: '/cadastrar/agendamento',
  mappings: '/cadastrar/cobranca',
  email: '/cadastrar/email',
  firstSync: '/',
};

const MAPPING_PATHS: Record<string, string> = {
  billing: '/cadastrar/cobranca',
  plans: '/cadastrar/plano-pagamento',
  carriers: '/cadastrar/transportadora',
};

/** The screen that takes a step; a missing mapping opens the screen of its kind. */
export const setupStepPath = (step: Pick<SetupStep, 'id' | 'detailRef'>): string => {
  if (step.id === 'mappings') {
    const kind = step.detailRef?.key.match(/^setup\.mappings\.missing\.(\w+)$/)?.[1];
    if (kind && MAPPING_PATHS[kind]) return MAPPING_PATHS[kind];
  }
  return PATHS[step.id];
};
