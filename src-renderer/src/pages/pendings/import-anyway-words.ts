import type { TFunction } from 'i18next';
import type { PendingDto } from '@contract';

/** The pendência kind "Importar mesmo assim" applies to (ADR 0219). */
export const IMPORT_ANYWAY_KIND = 'possivel_duplicado';

/** Whether a row offers "Importar mesmo assim": an order's possible duplicate not yet resolved. */
export const offersImportAnyway = (pending: PendingDto): boolean =>
  pending.entity === 'order' && pending.kind === IMPORT_ANYWAY_KIND && pending.status !== 'resolved';

const named = (value: unknown): value is string | number =>
  (typeof value === 'string' || typeof value === 'number') && value !== '-' && value !== '';

/** The WinThor order a possible duplicate resembles, in the UI's language (from the guard's values). */
export const resembledOrderWords = (t: TFunction, params: PendingDto['params']): string => {
  if (named(params.winthorOrder))
    return t('pendings.importAnyway.resemblesNumped', { numped: params.winthorOrder });
  if (named(params.numpedrca))
    return t('pendings.importAnyway.resemblesStaged', { numpedrca: params.numpedrca });
  return t('pendings.importAnyway.resemblesTyped');
};
