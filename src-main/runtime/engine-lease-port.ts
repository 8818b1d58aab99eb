import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { AppStatus, Settings } from '../contract';
import type { LeasePort } from '../engine/lease/lease-keeper';
import type { DatabaseService } from '../winthor/database-service';
import { claimLease, releaseLease, type LeaseClaim } from '../winthor/repositories/engine-lease-repository';
import { readInstalledVersion } from '../winthor/schema/installed-version';
import { databaseConfigured } from './setup-gather';

/** The schema version that has WTC_ENGINE_LEASE. */
const LEASE_SCHEMA_VERSION = 8;

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

/**
 * The lease on the runtime's WinThor database. Nothing configured, or tables before version 8 (the engine
 * is then held by the schema check at start): null, the keeper blocks nothing.
 */
export const databaseLeasePort = (options: {
  database: DatabaseService;
  settings: () => Settings;
  claim: LeaseClaim;
  expirySeconds: number;
}): LeasePort => ({
  claim: async (force) => {
    const settings = options.settings();
    if (!databaseConfigured(settings)) return null;
    // An embedded file that is not there is no database yet: the claim must not create an empty one.
    if (settings.database.kind === 'embedded' && !existsSync(resolve(settings.database.embedded.file)))
      return null;
    return options.database.use(async (db) => {
      try {
        return await claimLease(db, options.claim, { expirySeconds: options.expirySeconds, force });
      } catch (error) {
        if ((await readInstalledVersion(db).catch(() => LEASE_SCHEMA_VERSION)) < LEASE_SCHEMA_VERSION)
          return null;
        throw error;
      }
    });
  },
  release: async () => {
    if (!databaseConfigured(options.settings())) return;
    await options.database.use((db) => releaseLease(db, options.claim.instanceId));
  },
});
