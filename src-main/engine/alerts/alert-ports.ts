import type { BudgetLeft } from '../../ciashop/api-budget';
import type { AlertEvent, Branch, MonitorHealth, ScheduleJob, Settings } from '../../contract';
import type { OutgoingMail, SmtpServer } from '../../mail/smtp-mailer';
import type { PendingRecord } from '../../winthor';
import type { DailySummaryFacts } from './alert-facts';
import type { AlertStateStore } from './alert-state';

/** What the alerts read and where they go (runtime/alert-ports.ts implements it on the database and SMTP). */
export interface AlertPorts {
  settings(): Settings;
  now(): Date;
  /** 'ok', 'unconfigured' (nothing to watch yet), or throws with the database's error. */
  probeDatabase(): Promise<'ok' | 'unconfigured'>;
  /** Open pendências by kind; `retrying`: how many of them the engine still retries on its own (ADR 0035). */
  openPendingKinds(): Promise<
    Array<{ branch: string; entity: string; kind: string; count: number; retrying?: number }>
  >;
  /** Pendências of a kind newer than `afterId` (oldest first); with afterId null, the newest (any status). */
  pendingsOfKind(kind: string, afterId: number | null, limit: number): Promise<PendingRecord[]>;
  /** What a failed run said: its message and the fix of its error line. */
  runFailure(runId: number): Promise<{ message: string | null; fix: string | null }>;
  /** Items waiting for a job of a branch: the queue backlog plus the entity's open pendências. */
  itemsWaiting(branch: string, job: ScheduleJob): Promise<number | undefined>;
  /** Calls left; `blockedUntil` (ms): the store answered 429 and asked to wait until then (none left). */
  budget(branch: Branch): BudgetLeft | null;
  dailySummary(branch: string, since: Date): Promise<Omit<DailySummaryFacts, 'failingJobs'>>;
  send(server: SmtpServer, mail: OutgoingMail): Promise<unknown>;
  state: AlertStateStore;
  log(level: 'info' | 'warn' | 'error', message: string, branch: string | null): void;
  emit(event: AlertEvent): void;
  healthChanged(health: MonitorHealth): void;
}
