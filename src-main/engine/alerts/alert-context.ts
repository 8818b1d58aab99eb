import type { Branch } from '../../contract';
import type { AlertFacts } from './alert-facts';
import type { AlertPorts } from './alert-ports';
import type { AlertState } from './alert-state';

/**
 * What an episode handler (budget, engine held, database, failing jobs) needs from the alert monitor: its
 * ports, the state it keeps, and how an alert is raised and the state saved. The monitor builds one and
 * orchestrates the handlers; each handler owns one kind of episode.
 */
export interface AlertContext {
  readonly ports: AlertPorts;
  readonly state: AlertState;
  /** Writes the state (a failure is logged, never thrown). */
  save(): void;
  /** Tells the tray and, unless quiet, mails the branch; resolves to whether a mail was queued. */
  raise(facts: Omit<AlertFacts, 'at'>, options?: { quiet?: boolean }): Promise<boolean>;
  branch(code: string): Branch | undefined;
  /** The branch block of an alert's facts. */
  where(code: string): { branch: { code: string; name: string } };
  /** Branches that sync (their people want to hear about the database, the engine). */
  watchedBranches(): Branch[];
}
