import type { TFunction } from 'i18next';
import type { MethodInput, MethodOutput, PendingDto } from '@contract';

/** The pendência kind "Importar mesmo assim" applies to (ADR 0219). */
export const IMPORT_ANYWAY_KIND = 'possivel_duplicado';

/** Whether a row offers "Importar mesmo assim": an order's possible duplicate not yet resolved. */
export const offersImportAnyway = (pending: PendingDto): boolean =>
  pending.entity === 'order' && pending.kind === IMPORT_ANYWAY_KIND && pending.status !== 'resolved';

const named = (value: unknown): value is string | number =>
  (typeof value === 'string' || typeof value === 'number') && value !== '-' && value !== '';

const numberOf = (value: unknown): number | null =>
  typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;

/** The copy the operator is shown and confirms (the server refuses when the pendência names another now). */
export const shownCopy = (
  params: PendingDto['params'],
): MethodInput<'pendings.importAnyway'>['resembles'] => ({
  numped: numberOf(params.winthorOrder),
  numpedrca: numberOf(params.numpedrca),
});

/**
 * Found in the integration's own records (the store URL written differently): almost certainly the same
 * order. Found in WinThor: an order typed by hand may carry the same store order number (ADR 0219).
 */
export const foundByIntegrator = (params: PendingDto['params']): boolean =>
  params.how === '@pendingPart.duplicateByIntegrator';

/** The WinThor order a possible duplicate resembles, in the UI's language (from the guard's values). */
export const resembledOrderWords = (t: TFunction, params: PendingDto['params']): string => {
  if (named(params.winthorOrder))
    return t('pendings.importAnyway.resemblesNumped', { numped: params.winthorOrder });
  if (named(params.numpedrca))
    return t('pendings.importAnyway.resemblesStaged', { numpedrca: params.numpedrca });
  return t('pendings.importAnyway.resemblesTyped');
};

/** What the orders job did with the decision's call: the notice says when the order will be imported. */
export type ImportAnywayRun = 'started' | 'running' | 'notStarted';

export const runOf = (result: MethodOutput<'pendings.importAnyway'>): ImportAnywayRun =>
  result.runs.started.length > 0
    ? 'started'
    : result.runs.alreadyRunning.length > 0
      ? 'running'
      : 'notStarted';
