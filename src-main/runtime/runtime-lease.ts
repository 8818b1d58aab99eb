import type { AppStatus } from '../contract';
import type { SettingsService } from '../config/settings-service';
import { LeaseKeeper } from '../engine/lease/lease-keeper';
import { plainLogLine } from '../engine/plain-log-line';
import {
  LEASE_EXPIRY_SECONDS,
  LEASE_RENEW_MS,
  deadTwinQuietSeconds,
  type LeaseStanding,
} from '../engine/lease/lease-rules';
import type { LogRecord } from '../winthor';
import type { LeaseClaim } from '../winthor/repositories/engine-lease-repository';
import { databaseLeasePort, leaseClaimOf, leaseDatabase } from './engine-lease-port';

/** This engine's lease on the WinThor database as the runtime wires it (ADR 0310). */
export interface RuntimeLease {
  /** Null where no job runs. */
  keeper: LeaseKeeper | null;
  claim: LeaseClaim;
  /** After the keeper's stop: closes the renewals' own connection. */
  close(): Promise<void>;
}

export const createRuntimeLease = (options: {
  /** Whether jobs may run here (the one-shot `sync` too: beside a running service it is refused). */
  runsJobs: boolean;
  settings: SettingsService;
  who: { dataDir: string; version: string; host: AppStatus['host'] };
  /** Shorter times for tests; deadQuietSeconds overrides deadTwinQuietSeconds (ADR 0314). */
  timing?: { renewMs?: number; expirySeconds?: number; deadQuietSeconds?: number };
  now: () => Date;
  onChange: (standing: LeaseStanding) => void;
  logLine: (line: LogRecord) => void;
}): RuntimeLease => {
  const claim = leaseClaimOf(options.who);
  const expirySeconds = options.timing?.expirySeconds ?? LEASE_EXPIRY_SECONDS;
  // The renewals' own connection (ADR 0312): a busy jobs' pool never delays a renewal past the expiry.
  const database = options.runsJobs ? leaseDatabase(() => options.settings.get()) : null;
  const keeper = database
    ? new LeaseKeeper(
        databaseLeasePort({
          database,
          settings: () => options.settings.get(),
          claim,
          expirySeconds,
          replaceQuietSeconds:
            options.timing?.deadQuietSeconds ??
            deadTwinQuietSeconds(options.timing?.renewMs ?? LEASE_RENEW_MS, expirySeconds),
        }),
        {
          ...(options.timing?.renewMs ? { renewMs: options.timing.renewMs } : {}),
          expirySeconds,
          onChange: options.onChange,
          log: (level, message) => options.logLine(plainLogLine(options.now(), level, message)),
        },
      )
    : null;
  return { keeper, claim, close: async () => database?.close() };
};
