import type { MappingKind, MessageRef } from '../../contract';

/** One line of the prerequisites report, as the guide reads it (winthor/prerequisites). */
export interface CheckFact {
  id: string;
  label: string;
  status: 'ok' | 'warning' | 'error';
  detail: string;
  fix?: string | undefined;
  labelRef?: MessageRef | undefined;
  detailRef?: MessageRef | undefined;
  fixRef?: MessageRef | undefined;
}

/** What the guide knows of one branch of the settings. */
export interface BranchFacts {
  code: string;
  enabled: boolean;
  /** URL and token filled in. */
  storeConfigured: boolean;
  /** "Testar conexão" answered OK for the saved URL (or the demo tested its store). */
  storeTested: boolean;
  /** pt-BR, the saved store fails now (URL unusable, circuit open after failures); null when fine. */
  storeProblem: string | null;
  /** Enabled schedules of jobs this version runs. */
  schedules: number;
  /** The store's order codes without a mapping, per kind; null when not read (store not ready). */
  unmapped: Partial<Record<MappingKind, string[]>> | null;
  /** pt-BR, why the order codes could not be read. */
  mappingProblem: string | null;
  /** SMTP server, sender and a recipient filled in. */
  emailSet: boolean;
  /** "Enviar teste" delivered for this branch's current server. */
  mailTested: boolean;
  previewSeen: boolean;
  /** Its scheduled catalogue waits for a first sync started by a person (its store holds none of it; ADR 0406). */
  catalogueOnHold?: boolean;
  /** A run of this branch finished (ok or with pendências). */
  firstSyncRun: boolean;
}

/** Everything the first-run guide measures, gathered live by the runtime (runtime/setup-gather.ts). */
export interface SetupFacts {
  demo: boolean;
  database: {
    /** Oracle: connect string and user filled in; the embedded database always is. */
    configured: boolean;
    ok: boolean;
    /** pt-BR: the server version, or why the connection failed. */
    detail: string;
    /** The connection line's key (the server version and driver), when connected. */
    detailRef?: MessageRef | undefined;
  };
  /** The prerequisites report; null when the database could not be reached. */
  checks: CheckFact[] | null;
  branches: BranchFacts[];
}
