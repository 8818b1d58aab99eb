import type { AppStatus } from '../contract';
import type { SettingsService } from '../config/settings-service';
import { LeaseKeeper } from '../engine/lease/lease-keeper';
import { LEASE_EXPIRY_SECONDS, type LeaseStanding } from '../engine/lease/lease-rules';
import type { LogRecord } from '../winthor';
import type { DatabaseService } from '../winthor/database-service';
import type { LeaseClaim } from '../winthor/repositories/engine-lease-repository';
import { databaseLeasePort, leaseClaimOf } from './engine-lease-port';

/** This engine's lease on the WinThor database as the runtime wires it (ADR 0310). */
export interface RuntimeLease {
  /** Null where no job runs. */
  keeper: LeaseKeeper | null;
  claim: LeaseClaim;
}

export const createRuntimeLease = (options: {
  /** Whether jobs may run here (the one-shot `sync` too: beside a running service it is refused). */
  runsJobs: boolean;
  settings: SettingsService;
  database: DatabaseService;
  who: { dataDir: string; version: string; host: AppStatus['host'] };
  timing?: { renewMs?: number; expirySeconds?: number };
  now: () => Date;
  onChange: (standing: LeaseStanding) => void;
  logLine: (line: LogRecord) => void;
}): RuntimeLease => {
  const claim = leaseClaimOf(options.who);
  const expirySeconds = options.timing?.expirySeconds ?? LEASE_EXPIRY_SECONDS;
  const keeper = options.runsJobs
    ? new LeaseKeeper(
        databaseLeasePort({
          database: options.database,
          settings: () => options.settings.get(),
          claim,
          expirySeconds,
        }),
        {
          ...(options.timing?.renewMs ? { renewMs: options.timing.renewMs } : {}),
          onChange: options.onChange,
          log: (level, message) =>
            options.logLine({
              at: options.now(),
              level,
              branch: null,
              entity: null,
              runId: null,
              message,
              details: null,
            }),
        },
      )
    : null;
  return { keeper, claim };
};
