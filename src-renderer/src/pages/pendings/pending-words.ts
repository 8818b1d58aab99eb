import type { i18n as I18n } from 'i18next';
import type { PendingDto } from '@contract';
import { serverText } from '../../i18n/server-text';

/** A kind as people read it ("Sem preço de venda"); an unknown kind (from a newer job) shows its code. */
export const kindLabel = (i18n: I18n, kind: string): string =>
  i18n.t(`kinds.${kind}`, { defaultValue: kind });

/** The pendência's message and fix in the UI's language, the engine's pt-BR words otherwise (ADR 0025). */
export const pendingWords = (i18n: I18n, pending: PendingDto): { message: string; fix: string | null } => ({
  message: serverText(i18n, pending.message, pending.messageRef),
  fix: pending.fix
    ? serverText(i18n, pending.fix, { key: `pendingFix.${pending.kind}`, params: pending.messageRef.params })
    : null,
});
