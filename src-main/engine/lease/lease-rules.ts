import type { ClaimResult, LeaseRow } from '../../winthor/repositories/engine-lease-repository';

/** Renewed every 30 s; another engine may take it after 2 minutes without renewal (ADR 0310). */
export const LEASE_RENEW_MS = 30_000;
export const LEASE_EXPIRY_SECONDS = 120;

/**
 * A holder that has not renewed for this long stops running (60 s with the defaults): two renewal periods
 * before the expiry, when another engine may take the lease — an item in flight finishes (its next item
 * checks the standing) before another engine may start (ADR 0311).
 */
export const staleAfterMs = (expirySeconds: number, renewMs: number): number =>
  Math.max(expirySeconds * 1000 - 2 * renewMs, renewMs);

/** The other engine as this one shows it while it waits. */
export interface LeaseHolderView {
  hostName: string;
  dataDir: string;
  pid: number | null;
  version: string;
  /** When it took the lease, database clock: "HH:MM" today, "DD/MM HH:MM" another day. */
  since: string;
}

/**
 * Where this engine stands: `held` runs; `waiting` runs nothing (another engine holds it — `lost` when it was
 * ours and someone took it with "Assumir"); `unknown` (no database, tables before version 8, database not
 * answering) blocks nothing — without the database no job does anything either.
 */
export type LeaseStanding =
  | { kind: 'pending' }
  /**
   * `unheld`: a claim failed (database error, claim deadline) and no claim has won since the last loss or
   * release: this engine does not know it may run, another may hold the database, so nothing runs.
   */
  | { kind: 'unknown'; reason: string; unheld?: true }
  /** `replaced`: this claim took the row from another instance (the INSTANCE_ID it replaced). */
  | { kind: 'held'; since: string; replaced?: string }
  /** It held the lease but has not renewed it for `seconds` (database unreachable): nothing runs. */
  | { kind: 'stale'; seconds: number }
  | { kind: 'waiting'; holder: LeaseHolderView; lost: boolean };

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "14:05" when `at` is today, else "05/12 14:05", on this machine's clock: `at` and `dbNow` are the
 * database's wall clock (Oracle's SYSDATE is the server's local time, maybe another zone or a skewed clock),
 * so the text is `localNow` minus how long ago `at` was by the database's clock.
 */
export const sinceText = (at: Date | null, dbNow: Date, localNow: Date = new Date()): string => {
  if (!at) return '?';
  const today = localNow;
  at = new Date(localNow.getTime() - (dbNow.getTime() - at.getTime()));
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay =
    at.getFullYear() === today.getFullYear() &&
    at.getMonth() === today.getMonth() &&
    at.getDate() === today.getDate();
  return sameDay ? time : `${pad(at.getDate())}/${pad(at.getMonth() + 1)} ${time}`;
};

/**
 * How long a dead twin's row must go without renewal before a restart takes it (ADR 0314): half a renewal
 * period longer than the stale margin (expiry − 2 renewals), 75 s with 30 s renewals and a 2-minute expiry. A
 * holder alive anywhere has renewed before that — or, its renewals failing, stopped itself 15 s earlier (a twin
 * in another pid namespace with the same host name and folder never runs beside it).
 */
export const deadTwinQuietSeconds = (renewMs: number, expirySeconds: number): number =>
  Math.max(Math.ceil((renewMs * 1.5) / 1000), Math.ceil(expirySeconds - (renewMs * 1.5) / 1000));

/** "desde" of a row: its text on this machine's clock. */
export type SinceOf = (row: LeaseRow) => string;

const sinceOfRow: SinceOf = (row) => sinceText(row.acquiredAt, row.dbNow);

/**
 * "desde" computed once per acquisition: kept while the row's holder and ACQUIRED_AT stay the same, so a
 * renewal near a minute boundary does not flip it (and emit a status event) each time (ADR 0315).
 */
export const sinceMemo = (): SinceOf => {
  let key: string | null = null;
  let text = '?';
  return (row) => {
    const next = `${row.instanceId ?? ''}@${row.acquiredAt?.getTime() ?? ''}`;
    if (next !== key) {
      key = next;
      text = sinceOfRow(row);
    }
    return text;
  };
};

export const holderView = (row: LeaseRow, sinceOf: SinceOf = sinceOfRow): LeaseHolderView => ({
  hostName: row.hostName ?? '?',
  dataDir: row.dataDir ?? '?',
  pid: row.pid,
  version: row.version ?? '?',
  since: sinceOf(row),
});

/**
 * The rule the conditional UPDATE applies (engine-lease-repository.ts), for the in-memory lease of the tests:
 * free, ours, expired, forced, or the named dead instance of this same installation (ADR 0314).
 */
export const mayClaim = (
  row: Pick<LeaseRow, 'instanceId' | 'heartbeatAt'> | null,
  me: string,
  now: Date,
  expirySeconds: number,
  force = false,
  replace: string | null = null,
  replaceQuietSeconds = 75,
): boolean =>
  force ||
  (replace !== null &&
    row?.instanceId === replace &&
    row.heartbeatAt !== null &&
    row.heartbeatAt.getTime() < now.getTime() - replaceQuietSeconds * 1000) ||
  row === null ||
  row.instanceId === null ||
  row.instanceId === me ||
  row.heartbeatAt === null ||
  row.heartbeatAt.getTime() < now.getTime() - expirySeconds * 1000;

/** The standing after one claim: lost when it was ours and the row now names another engine. */
export const standingAfterClaim = (
  previous: LeaseStanding,
  result: ClaimResult,
  sinceOf: SinceOf = sinceOfRow,
): LeaseStanding => {
  if (result.won)
    return {
      kind: 'held',
      since: result.row ? sinceOf(result.row) : sinceText(null, new Date()),
      ...(result.replaced ? { replaced: result.replaced } : {}),
    };
  // Freed between our UPDATE and our read (the other stopped): taken at the next renewal.
  if (!result.row || result.row.instanceId === null) return { kind: 'unknown', reason: 'livre' };
  const lost =
    previous.kind === 'held' || previous.kind === 'stale' || (previous.kind === 'waiting' && previous.lost);
  return { kind: 'waiting', holder: holderView(result.row, sinceOf), lost };
};

/** pt-BR, for the engine's summary and its refusal: a first claim that failed keeps the engine away. */
export const describeUnverified = (reason: string): string =>
  `a posse do banco não pôde ser verificada: ${reason}`;

/** pt-BR, for the engine's summary, its refusal and the log. */
export const describeStale = (seconds: number): string =>
  `sem renovar a posse do banco há ${seconds} s: sincronização parada até o banco responder`;

/** pt-BR, for the engine's summary and the log: "outro integrador está ativo neste banco (host X, …)". */
export const describeWaiting = (standing: Extract<LeaseStanding, { kind: 'waiting' }>): string => {
  const { holder } = standing;
  const where = `host ${holder.hostName}, pasta ${holder.dataDir}, desde ${holder.since}`;
  return standing.lost
    ? `outro integrador assumiu este banco (${where})`
    : `outro integrador está ativo neste banco (${where})`;
};
