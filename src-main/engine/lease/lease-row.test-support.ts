import type { LeaseRow } from '../../winthor/repositories/engine-lease-repository';

/** The lease's row as the database has it, held and just renewed by `instanceId` (tests of the keeper/engine). */
export const leaseRowOf = (instanceId: string): LeaseRow => ({
  instanceId,
  hostName: 'SRV',
  dataDir: 'C:\\Dados',
  pid: 7,
  version: '0.1.0',
  hostKind: 'headless',
  acquiredAt: new Date(),
  heartbeatAt: new Date(),
  expired: false,
  dbNow: new Date(),
});
