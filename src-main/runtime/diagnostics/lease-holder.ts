import { LEASE_EXPIRY_SECONDS } from '../../engine/lease/lease-rules';
import type { DbSession } from '../../winthor';
import { readLease } from '../../winthor/repositories/engine-lease-repository';

/** The database's lease for the diagnostic package (ADR 0310): which engine works on this WinThor database. */
export const readLeaseHolder = async (db: DbSession, mine: string | null): Promise<unknown> => {
  const row = await readLease(db, LEASE_EXPIRY_SECONDS);
  if (!row) return { livre: true, observacao: 'nenhum integrador tomou este banco ainda' };
  return {
    livre: row.instanceId === null,
    esteIntegrador: mine !== null && row.instanceId === mine,
    instancia: row.instanceId,
    maquina: row.hostName,
    pastaDeDados: row.dataDir,
    processo: row.pid,
    versao: row.version,
    tipo: row.hostKind,
    desde: row.acquiredAt?.toISOString() ?? null,
    ultimaRenovacao: row.heartbeatAt?.toISOString() ?? null,
    expirado: row.expired,
    relogioDoBanco: row.dbNow.toISOString(),
  };
};
