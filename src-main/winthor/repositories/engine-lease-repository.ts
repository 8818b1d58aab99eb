import { AppError } from '../../shared/app-error';
import type { DbSession, Row } from '../db/db';
import { fit, toOptionalText } from './sql-helpers';

/** The one row of WTC_ENGINE_LEASE (schema version 8): the lease is per WinThor database. */
export const ENGINE_LEASE_KEY = 'engine';

/** Who asks for the lease: what another engine shows about it while it waits (ADR 0310). */
export interface LeaseClaim {
  instanceId: string;
  hostName: string;
  dataDir: string;
  pid: number;
  version: string;
  hostKind: 'desktop' | 'headless';
}

/** The lease's row as the database has it, read with the database's clock. */
export interface LeaseRow {
  /** Null once its last holder released it (clean stop). */
  instanceId: string | null;
  hostName: string | null;
  dataDir: string | null;
  pid: number | null;
  version: string | null;
  hostKind: string | null;
  acquiredAt: Date | null;
  heartbeatAt: Date | null;
  /** No renewal for longer than the expiry, by the database's clock. */
  expired: boolean;
  /** The database's clock when read. */
  dbNow: Date;
}

export interface ClaimOptions {
  /** Seconds without renewal after which anyone may take the lease. */
  expirySeconds: number;
  /** "Assumir": take it even from a holder that is not expired. */
  force?: boolean;
  /**
   * The instance id of a previous process of this same installation found dead (same host and folder, its
   * pid not alive: runtime/engine-lease-port.ts): replaced without waiting for the expiry — but only once its
   * heartbeat is older than `replaceQuietSeconds` by the database's clock (ADR 0314): a live holder renews
   * every 30 s, so it never matches, even where its pid cannot be checked (another pid namespace or machine).
   */
  replace?: string | null;
  /** Seconds without renewal before `replace` may take the row (default 75: past the stale margin, ADR 0314). */
  replaceQuietSeconds?: number;
}

/** One renewal period (30 s) and a margin: a holder that renews is never this quiet. */
export const DEAD_TWIN_QUIET_SECONDS = 75;

export interface ClaimResult {
  won: boolean;
  /** The row after the attempt (who holds it when not won); null when the table has no row. */
  row: LeaseRow | null;
  /**
   * Won from another instance: the INSTANCE_ID the row named just before this claim (its runs left "running"
   * are that engine's). Null or absent when the row was free, this engine's own, or new.
   */
  replaced?: string | null;
}

const LEASE_COLUMNS =
  'WTC_ENGINE_LEASE.INSTANCE_ID, WTC_ENGINE_LEASE.HOST_NAME, WTC_ENGINE_LEASE.DATA_DIR, WTC_ENGINE_LEASE.PID, ' +
  'WTC_ENGINE_LEASE.APP_VERSION, WTC_ENGINE_LEASE.HOST_KIND, WTC_ENGINE_LEASE.ACQUIRED_AT, WTC_ENGINE_LEASE.HEARTBEAT_AT';

const toDate = (value: unknown): Date | null =>
  value instanceof Date ? value : value === null || value === undefined ? null : new Date(String(value));

const toLeaseRow = (row: Row): LeaseRow => ({
  instanceId: toOptionalText(row.INSTANCE_ID),
  hostName: toOptionalText(row.HOST_NAME),
  dataDir: toOptionalText(row.DATA_DIR),
  pid: row.PID === null || row.PID === undefined ? null : Number(row.PID),
  version: toOptionalText(row.APP_VERSION),
  hostKind: toOptionalText(row.HOST_KIND),
  acquiredAt: toDate(row.ACQUIRED_AT),
  heartbeatAt: toDate(row.HEARTBEAT_AT),
  expired: Number(row.EXPIRED) === 1,
  dbNow: toDate(row.DB_NOW) ?? new Date(),
});

const claimBinds = (claim: LeaseClaim) => ({
  lease_key: ENGINE_LEASE_KEY,
  me: claim.instanceId,
  host_name: fit(claim.hostName, 100),
  data_dir: fit(claim.dataDir, 400),
  pid: claim.pid,
  app_version: fit(claim.version, 30),
  host_kind: claim.hostKind,
});

/** The lease's row, or null when nobody ever took it. */
export const readLease = async (db: DbSession, expirySeconds: number): Promise<LeaseRow | null> => {
  const { dialect } = db;
  const row = await db.queryOne(
    `SELECT ${LEASE_COLUMNS}, ${dialect.now} AS DB_NOW,` +
      ` CASE WHEN WTC_ENGINE_LEASE.INSTANCE_ID IS NOT NULL AND WTC_ENGINE_LEASE.HEARTBEAT_AT < ${dialect.secondsAgo('expiry')} THEN 1 ELSE 0 END AS EXPIRED` +
      ` FROM WTC_ENGINE_LEASE WHERE WTC_ENGINE_LEASE.LEASE_KEY = :lease_key`,
    { lease_key: ENGINE_LEASE_KEY, expiry: expirySeconds },
  );
  return row ? toLeaseRow(row) : null;
};

/**
 * Takes or renews the lease in one autocommitted statement: the conditional UPDATE wins only when the row is
 * free, ours, expired (by the database's clock) or forced, so two engines can never both win — the database
 * serialises the two UPDATEs on the one row and the second re-reads the condition. No row yet: an INSERT that
 * only one engine can make (the primary key); the loser reads the winner. Never a lock held across work.
 */
export const claimLease = async (
  db: DbSession,
  claim: LeaseClaim,
  options: ClaimOptions,
): Promise<ClaimResult> => {
  const { dialect } = db;
  const binds = claimBinds(claim);
  // Who held it before: read first, so a win says whether it took the row from another instance.
  const before = await db.queryOne(
    `SELECT WTC_ENGINE_LEASE.INSTANCE_ID FROM WTC_ENGINE_LEASE WHERE WTC_ENGINE_LEASE.LEASE_KEY = :lease_key`,
    { lease_key: ENGINE_LEASE_KEY },
  );
  const previous = before ? toOptionalText(before.INSTANCE_ID) : null;
  const updated = await db.execute(
    `UPDATE WTC_ENGINE_LEASE SET` +
      ` ACQUIRED_AT = CASE WHEN INSTANCE_ID = :me THEN ACQUIRED_AT ELSE ${dialect.now} END,` +
      ` INSTANCE_ID = :me, HOST_NAME = :host_name, DATA_DIR = :data_dir, PID = :pid,` +
      ` APP_VERSION = :app_version, HOST_KIND = :host_kind, HEARTBEAT_AT = ${dialect.now}` +
      ` WHERE LEASE_KEY = :lease_key AND (INSTANCE_ID IS NULL OR INSTANCE_ID = :me` +
      ` OR HEARTBEAT_AT IS NULL OR HEARTBEAT_AT < ${dialect.secondsAgo('expiry')} OR :force = 1` +
      ` OR (:dead_instance IS NOT NULL AND INSTANCE_ID = :dead_instance` +
      ` AND HEARTBEAT_AT < ${dialect.secondsAgo('dead_quiet')}))`,
    {
      ...binds,
      expiry: options.expirySeconds,
      force: options.force ? 1 : 0,
      dead_instance: options.replace ?? null,
      dead_quiet: options.replaceQuietSeconds ?? DEAD_TWIN_QUIET_SECONDS,
    },
  );
  let won = updated.rowsAffected === 1;
  if (!won) {
    try {
      const inserted = await db.execute(
        `INSERT INTO WTC_ENGINE_LEASE (LEASE_KEY, INSTANCE_ID, HOST_NAME, DATA_DIR, PID, APP_VERSION, HOST_KIND, ACQUIRED_AT, HEARTBEAT_AT)` +
          ` SELECT :lease_key, :me, :host_name, :data_dir, :pid, :app_version, :host_kind, ${dialect.now}, ${dialect.now}${dialect.fromDual}` +
          ` WHERE NOT EXISTS (SELECT 1 FROM WTC_ENGINE_LEASE L WHERE L.LEASE_KEY = :lease_key)`,
        binds,
      );
      won = inserted.rowsAffected === 1;
    } catch (error) {
      // Another engine inserted the row between our NOT EXISTS and our INSERT: it won.
      if (!(error instanceof AppError) || error.code !== 'db_unique_violation') throw error;
    }
  }
  const row = await readLease(db, options.expirySeconds);
  // Another engine may have forced ("Assumir") between our statement and our read: then we did not keep it.
  const kept = won && row?.instanceId === claim.instanceId;
  const replaced = kept && previous !== null && previous !== claim.instanceId ? previous : null;
  return { won: kept, row, replaced };
};

/** A clean stop: frees the lease at once if this engine still holds it (the holder's facts stay, for support). */
export const releaseLease = async (db: DbSession, instanceId: string): Promise<boolean> => {
  const result = await db.execute(
    `UPDATE WTC_ENGINE_LEASE SET INSTANCE_ID = NULL, HEARTBEAT_AT = ${db.dialect.now}` +
      ` WHERE LEASE_KEY = :lease_key AND INSTANCE_ID = :me`,
    { lease_key: ENGINE_LEASE_KEY, me: instanceId },
  );
  return result.rowsAffected === 1;
};
