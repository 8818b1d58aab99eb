import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { AppStatus, Settings } from '../contract';
import type { LeasePort } from '../engine/lease/lease-keeper';
import { DatabaseService } from '../winthor/database-service';
import { openDb } from '../winthor/db/open-db';
import {
  claimLease,
  releaseLease,
  type ClaimResult,
  type LeaseClaim,
} from '../winthor/repositories/engine-lease-repository';
import { readInstalledVersion } from '../winthor/schema/installed-version';
import { databaseConfigured } from './setup-gather';

/** The schema version that has WTC_ENGINE_LEASE. */
const LEASE_SCHEMA_VERSION = 8;

/** Longest wait of a renewal for its connection and its statement: a hung database fails it fast. */
export const LEASE_DB_TIMEOUT_SECONDS = 10;

/**
 * Longest wait for one whole claim (up to ~7 statements: UPDATE, INSERT, read, a dead twin's second claim, the
 * version read after an error — each with its own 10 s timeout): past it the claim fails, whatever is still
 * under way, so the keeper sees the failure well before the stale margin (ADR 0312).
 */
export const LEASE_CLAIM_DEADLINE_MS = 15_000;

/** `work`, or a failure naming the lease once `ms` passed (the work itself goes on; its answer is dropped). */
const withDeadline = <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Posse do banco: o banco não respondeu em ${Math.ceil(ms / 1000)} s.`)),
      ms,
    );
    timer.unref?.();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
};

/** This engine as the lease names it: a new instance id per engine process. */
export const leaseClaimOf = (who: {
  dataDir: string;
  version: string;
  host: AppStatus['host'];
}): LeaseClaim => ({
  instanceId: randomUUID(),
  hostName: hostname(),
  dataDir: who.dataDir,
  pid: process.pid,
  version: who.version,
  hostKind: who.host,
});

/** Whether a process of this machine is alive (signal 0 checks without touching it). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by another user (the service beside the desktop app).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The renewals' own database (ADR 0312): apart from the jobs' pool (on Oracle two connections: a release never
 * waits behind a claim), short waits, so a busy
 * pool never delays a renewal past the expiry (a hung database fails it fast; the keeper stops the engine).
 */
export const leaseDatabase = (
  settings: () => Settings,
  timeoutSeconds = LEASE_DB_TIMEOUT_SECONDS,
): DatabaseService =>
  new DatabaseService(settings, {
    open: (database) => openDb(database, { dedicated: { timeoutSeconds } }),
    drainTimeoutMs: timeoutSeconds * 1000,
  });

/** The row names a previous process of this installation (same machine and folder) that is dead. */
const deadTwin = (result: ClaimResult, me: LeaseClaim, alive: (pid: number) => boolean): string | null => {
  const row = result.row;
  if (result.won || !row?.instanceId || row.instanceId === me.instanceId) return null;
  if (row.hostName !== me.hostName || row.dataDir !== me.dataDir || row.pid === null) return null;
  return row.pid !== me.pid && !alive(row.pid) ? row.instanceId : null;
};

/**
 * The lease on the runtime's WinThor database. Nothing configured, or tables before version 8 (the engine
 * is then held by the schema check at start): null, the keeper blocks nothing.
 */
export const databaseLeasePort = (options: {
  /** The renewals' own database (leaseDatabase), not the jobs' pool. */
  database: DatabaseService;
  settings: () => Settings;
  claim: LeaseClaim;
  expirySeconds: number;
  /** Seconds without renewal before a dead twin's row is taken (deadTwinQuietSeconds of the renewal period). */
  replaceQuietSeconds?: number;
  /** Whether a pid of this machine is alive (tests inject it). */
  alive?: (pid: number) => boolean;
  /** One overall deadline for a claim (LEASE_CLAIM_DEADLINE_MS; tests shorten it). */
  claimDeadlineMs?: number;
}): LeasePort => {
  // An embedded file that is not there is no database yet: neither claim nor release may create an empty one.
  const reachable = (): boolean => {
    const settings = options.settings();
    if (!databaseConfigured(settings)) return false;
    return settings.database.kind !== 'embedded' || existsSync(resolve(settings.database.embedded.file));
  };
  return {
    claim: async (force) => {
      if (!reachable()) return null;
      const claiming = options.database.use(async (db) => {
        try {
          const claim = { expirySeconds: options.expirySeconds, force };
          const result = await claimLease(db, options.claim, claim);
          // A restart after a crash: its own previous process (the host lock allows one per folder here).
          const dead = deadTwin(result, options.claim, options.alive ?? processAlive);
          if (!dead) return result;
          // Only once its heartbeat is quiet by the database's clock (ADR 0314): a live holder never is.
          const quiet = options.replaceQuietSeconds;
          return await claimLease(db, options.claim, {
            ...claim,
            replace: dead,
            ...(quiet !== undefined ? { replaceQuietSeconds: quiet } : {}),
          });
        } catch (error) {
          if ((await readInstalledVersion(db).catch(() => LEASE_SCHEMA_VERSION)) < LEASE_SCHEMA_VERSION)
            return null;
          throw error;
        }
      });
      return withDeadline(claiming, options.claimDeadlineMs ?? LEASE_CLAIM_DEADLINE_MS);
    },
    release: async () => {
      if (!reachable()) return;
      await options.database.use((db) => releaseLease(db, options.claim.instanceId));
    },
  };
};
