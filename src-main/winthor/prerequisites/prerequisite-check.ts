import type { MessageKey } from '../../shared/app-error';

export type CheckStatus = 'ok' | 'warning' | 'error';

/** One line of the prerequisites report (the contract's DbCheck). pt-BR label, detail and fix. */
export interface PrerequisiteCheck {
  id: string;
  label: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
  /** Label, detail and fix as keys for a UI in another language (ADR 0025); the texts stay the fallback. */
  labelRef?: MessageKey;
  detailRef?: MessageKey;
  fixRef?: MessageKey;
  /**
   * On the check of the integration's objects: who installs them — the app ("Criar Tabelas / Sequences /
   * Triggers"), or the DBA connected as the schema owner, with the script (ADR 0101).
   */
  installBy?: 'app' | 'owner';
}
