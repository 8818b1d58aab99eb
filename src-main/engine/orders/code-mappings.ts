import type { BranchMappings, CodeMapping, MappingKind } from '../../contract';

/**
 * The mapping screens' data applied to an order (seed §6–8), as pure functions the mapping screens may
 * import too: payment method → billing type (PCCOB.CODCOB), installments → payment plan (PCPLPAG.CODPLPAG,
 * `method:installments` wins over the bare number), shipping method → carrier (PCFORNEC.CODFORNEC, by id or
 * by name). Store codes are compared trimmed and without case (settings-schema.ts).
 */

/** What an order carries for the three mappings. */
export interface OrderCodes {
  /** The first payment's method (e.g. "CreditCard"), or null when the order has no payment. */
  paymentMethod: string | null;
  /** The first payment's installments (1 when the store sends none). */
  installments: number;
  /** The shipping method's id and name, or null when the order has none. */
  shipping: { id: string; name: string } | null;
}

export const normaliseCode = (code: string): string => code.trim().toLowerCase();

const find = (
  rows: readonly CodeMapping[],
  ...codes: Array<string | null | undefined>
): CodeMapping | null => {
  for (const code of codes) {
    if (code === null || code === undefined || code.trim() === '') continue;
    const wanted = normaliseCode(code);
    const row = rows.find((candidate) => normaliseCode(candidate.storeCode) === wanted);
    if (row) return row;
  }
  return null;
};

/** The store codes an order shows for each kind, in the order they are tried (most specific first). */
export const storeCodesOf = (codes: OrderCodes): Record<MappingKind, string[]> => ({
  billing: codes.paymentMethod ? [codes.paymentMethod.trim()] : [],
  plans: [
    ...(codes.paymentMethod ? [`${codes.paymentMethod.trim()}:${codes.installments}`] : []),
    String(codes.installments),
  ],
  carriers: codes.shipping ? [codes.shipping.id.trim(), codes.shipping.name.trim()].filter(Boolean) : [],
});

export const resolveBilling = (codes: OrderCodes, mappings: BranchMappings): CodeMapping | null =>
  find(mappings.billing, ...storeCodesOf(codes).billing);

export const resolvePlan = (codes: OrderCodes, mappings: BranchMappings): CodeMapping | null =>
  find(mappings.plans, ...storeCodesOf(codes).plans);

export const resolveCarrier = (codes: OrderCodes, mappings: BranchMappings): CodeMapping | null =>
  find(mappings.carriers, ...storeCodesOf(codes).carriers);

/** The WinThor codes of an order, or which mappings are missing (each a pendência naming the screen). */
export interface ResolvedCodes {
  codcob: string;
  codplpag: number;
  /** Null when the carrier maps to "no carrier" is impossible: every shipping method needs a mapping. */
  codfornecfrete: number | null;
}

export type CodeResolution =
  | { ok: true; codes: ResolvedCodes }
  | {
      ok: false;
      missing: MappingKind;
      /** The code as the pt-BR text names it (a plan's two codes joined by "ou"). */
      storeCode: string;
      invalid?: string;
      /** A plan looked up by "method:instalments" and then by the instalments alone: both codes, in order. */
      codesTried?: string[];
    };

const SCREEN: Record<MappingKind, string> = {
  billing: 'Cadastrar → Cobrança',
  plans: 'Cadastrar → Plano de Pagamento',
  carriers: 'Cadastrar → Transportadora',
};

export const mappingScreen = (kind: MappingKind): string => SCREEN[kind];

/**
 * Every mapping an order needs, in the screens' order: billing type, payment plan, carrier. The first
 * one missing is reported (one pendência per order; the next run reports the next one, if any).
 */
export const resolveOrderCodes = (codes: OrderCodes, mappings: BranchMappings): CodeResolution => {
  const billing = resolveBilling(codes, mappings);
  if (!billing) return { ok: false, missing: 'billing', storeCode: codes.paymentMethod ?? '' };
  const plan = resolvePlan(codes, mappings);
  if (!plan) {
    const tried = storeCodesOf(codes).plans;
    return { ok: false, missing: 'plans', storeCode: tried.join(' ou '), codesTried: tried };
  }
  const codplpag = Number(plan.winthorCode);
  if (!Number.isInteger(codplpag) || codplpag <= 0)
    return { ok: false, missing: 'plans', storeCode: plan.storeCode, invalid: plan.winthorCode };
  let codfornecfrete: number | null = null;
  if (codes.shipping) {
    const carrier = resolveCarrier(codes, mappings);
    if (!carrier)
      return { ok: false, missing: 'carriers', storeCode: storeCodesOf(codes).carriers.join(' / ') };
    codfornecfrete = Number(carrier.winthorCode);
    if (!Number.isInteger(codfornecfrete) || codfornecfrete <= 0)
      return { ok: false, missing: 'carriers', storeCode: carrier.storeCode, invalid: carrier.winthorCode };
  }
  return { ok: true, codes: { codcob: billing.winthorCode.trim(), codplpag, codfornecfrete } };
};

/** A code seen on orders, as the mapping screens list it. */
export interface SeenCode {
  kind: MappingKind;
  storeCode: string;
}

/**
 * Whether a code seen on orders already has a mapping. Plans: "CreditCard:3" is covered by a row for
 * "CreditCard:3" or for "3"; the bare "3" only by "3".
 */
export const isMapped = (code: SeenCode, mappings: BranchMappings): boolean => {
  const rows = mappings[code.kind];
  if (find(rows, code.storeCode)) return true;
  if (code.kind === 'plans' && code.storeCode.includes(':'))
    return find(rows, code.storeCode.slice(code.storeCode.lastIndexOf(':') + 1)) !== null;
  return false;
};

/** The codes seen on orders that no mapping covers (the mapping screens' warnings). */
export const unmappedCodes = <T extends SeenCode>(seen: readonly T[], mappings: BranchMappings): T[] =>
  seen.filter((code) => !isMapped(code, mappings));
