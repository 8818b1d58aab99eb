import { messageRef, type AppStatus, type MessageRef, type ScheduleJob } from '../contract';
import type { EngineHold } from './alerts/alert-facts';
import { describeStale, describeUnverified, describeWaiting, type LeaseStanding } from './lease/lease-rules';
import { heldDetail } from './setup/first-sync-hold';

/** Why the schema check holds the engine (ADR 0034). */
export type SchemaHoldReason = EngineHold['reason'];

/** The detail of an engine paused by the schema check, per reason (pt-BR; English by its detailRef). */
const SCHEMA_HOLD_DETAIL: Record<SchemaHoldReason, string> = {
  declined: 'as tabelas da integração precisam ser atualizadas (atualização adiada)',
  owner: 'as tabelas da integração precisam ser atualizadas pelo DBA',
  failed: 'a atualização das tabelas da integração falhou',
  newer: 'as tabelas da integração são de uma versão mais nova do integrador',
};
/** Resumed by hand while the schema check still holds it. */
export const SCHEMA_HOLD_RESUMED = 'tabelas da integração desatualizadas — retomada manualmente';

export type EngineState = AppStatus['engine']['state'];

export interface EngineSnapshot {
  state: EngineState;
  summary: string;
  detail: string;
  /** The detail's key for a UI in another language (ADR 0025); absent when the detail is empty. */
  detailRef?: MessageRef;
  setupStep: string | null;
  /** Branches whose scheduled catalogue waits for the first-sync preview (ADR 0406). */
  heldForPreview: string[];
  /** The first failing job's message while in error (pt-BR). */
  failure: string | null;
  /** Running with no enabled schedule of a job this version runs. */
  noSchedules: boolean;
  /** In state standby: who holds the database. */
  standby: AppStatus['engine']['standby'];
  lastRunAt: string | null;
  runningJobs: string[];
}

const SUMMARIES: Record<EngineState, string> = {
  starting: 'Iniciando',
  running: 'Em execução',
  paused: 'Pausado',
  error: 'Com erro',
  stopped: 'Parado',
  setup: 'Aguardando configuração',
  standby: 'Em espera',
};

/**
 * What the first-run guide measured (runtime/setup-monitor.ts): the first blocking step still open, and what
 * was set up but fails now (the database, a branch's store). Null before the first measure: nothing blocks.
 */
export interface EngineReadiness {
  /** The first open step nothing can run without: "passo 1 — conectar o banco de dados do WinThor". */
  waitingFor: { step: string; label: string; number?: number } | null;
  /** pt-BR, one per problem: "Loja da filial 1: token recusado". The engine shows them as an error. */
  failing: string[];
  /** The message key of a `failing` line, by its text (ADR 0025). */
  failingRefs?: Record<string, MessageRef>;
}

/** The engine's state as the tray, the Painel and the API show it (pt-BR words; the UI translates the rest). */
export const describeEngine = (input: {
  state: EngineState;
  readiness: EngineReadiness;
  /** This engine's lease on the WinThor database (ADR 0310). */
  lease?: LeaseStanding;
  /** Messages of the jobs failing now. */
  failures: string[];
  /** The message key of a failure, by its text. */
  failureRefs?: Record<string, MessageRef>;
  /** Branches whose scheduled catalogue waits for the first-sync preview. */
  held?: readonly string[];
  /** The schema check holds the engine (ADR 0034): paused for it, or resumed by hand meanwhile. */
  schemaHold?: SchemaHoldReason | null;
  /** Enabled schedules of jobs this version runs, over the enabled branches. */
  scheduled: number;
  lastRunAt: string | null;
  running: ReadonlyArray<{ branch: string; job: ScheduleJob }>;
}): EngineSnapshot => {
  const { state } = input;
  const base = SUMMARIES[state];
  const firstFailure = [...input.readiness.failing, ...input.failures][0];
  const waitingFor = state === 'setup' ? input.readiness.waitingFor : null;
  const failure = state === 'error' && firstFailure ? firstFailure : null;
  const noSchedules = state === 'running' && input.scheduled === 0;
  const held = state === 'running' || state === 'error' ? [...(input.held ?? [])].sort() : [];
  const waiting = state === 'standby' && input.lease?.kind === 'waiting' ? input.lease : null;
  const stale = state === 'standby' && input.lease?.kind === 'stale' ? input.lease : null;
  const unverified =
    state === 'standby' && input.lease?.kind === 'unknown' && input.lease.unheld ? input.lease : null;
  const schemaHold = input.schemaHold ?? null;
  // Standby: the UI says it from `standby` (holder, folder, since) in its own language.
  const [detail, detailRef]: [string, MessageRef | undefined] = waiting
    ? [describeWaiting(waiting), undefined]
    : stale
      ? [describeStale(stale.seconds), messageRef('engineState.leaseStale', { seconds: stale.seconds })]
      : unverified
        ? [
            describeUnverified(unverified.reason),
            messageRef('engineState.leaseUnverified', { reason: unverified.reason }),
          ]
        : schemaHold && state === 'paused'
          ? [SCHEMA_HOLD_DETAIL[schemaHold], messageRef('engineState.schemaHold', { context: schemaHold })]
          : schemaHold && (state === 'running' || state === 'error') && !failure
            ? [SCHEMA_HOLD_RESUMED, messageRef('engineState.schemaHoldResumed')]
            : waitingFor
              ? [
                  waitingFor.label,
                  messageRef('engineState.waiting', {
                    number: waitingFor.number ?? null,
                    step: `@engineState.steps.${waitingFor.step}`,
                  }),
                ]
              : failure
                ? [failure, input.readiness.failingRefs?.[failure] ?? input.failureRefs?.[failure]]
                : noSchedules
                  ? ['nenhuma sincronização configurada', messageRef('engineState.noSchedules')]
                  : held.length > 0 && state === 'running'
                    ? [
                        heldDetail(held),
                        messageRef('engineState.heldForPreview', { branches: held.join(', ') }),
                      ]
                    : ['', undefined];
  const separator = state === 'running' ? ' — ' : ': ';
  return {
    state,
    summary: detail ? `${base}${separator}${detail}` : base,
    detail,
    ...(detail && detailRef ? { detailRef } : {}),
    setupStep: waitingFor?.step ?? null,
    heldForPreview: held,
    failure,
    noSchedules,
    standby: waiting
      ? {
          hostName: waiting.holder.hostName,
          dataDir: waiting.holder.dataDir,
          since: waiting.holder.since,
          lost: waiting.lost,
        }
      : null,
    lastRunAt: input.lastRunAt,
    runningJobs: input.running.map((run) => `${run.branch}:${run.job}`),
  };
};
