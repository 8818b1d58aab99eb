import type { MappingKind, WinthorCode } from '../../contract';
import type { DbSession } from '../db/db';
import { listCarriers } from './carriers-repository';
import { listBillingTypes, listPaymentPlans } from './lookups-repository';

/** The WinThor table each mapping screen picks its codes from (ADR 0120). */
export const MAPPING_TABLES: Record<MappingKind, 'PCCOB' | 'PCPLPAG' | 'PCFORNEC'> = {
  billing: 'PCCOB',
  plans: 'PCPLPAG',
  carriers: 'PCFORNEC',
};

const code = (value: Pick<WinthorCode, 'code' | 'description'>): WinthorCode => ({
  ...value,
  installments: null,
  days: null,
  document: null,
  blocked: false,
});

/**
 * WinThor's own list for one mapping screen: billing types (PCCOB), payment plans (PCPLPAG) or carriers
 * (PCFORNEC, TIPOFORNEC 'T', not deleted; blocked ones flagged, ADR 0104). Every code of the table, not
 * filtered by branch (ADR 0120).
 */
export const listMappingTargets = async (db: DbSession, kind: MappingKind): Promise<WinthorCode[]> => {
  if (kind === 'billing') return (await listBillingTypes(db)).map(code);
  if (kind === 'plans') {
    return (await listPaymentPlans(db)).map((plan) => ({
      ...code(plan),
      installments: plan.installments,
      days: plan.days,
    }));
  }
  return (await listCarriers(db)).map((carrier) => ({
    ...code({ code: String(carrier.code), description: carrier.name }),
    document: carrier.document || null,
    blocked: carrier.blocked,
  }));
};
