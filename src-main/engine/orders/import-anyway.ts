import type { ConfirmedDuplicate, PossibleDuplicate } from '../../winthor';

/** The pendência kind "Importar mesmo assim" applies to (ADR 0214, 0219). */
export const IMPORT_ANYWAY_KIND = 'possivel_duplicado';

/** What the action needs to know of a pendência. */
export interface ImportAnywayCandidate {
  entity: string;
  kind: string;
  status: string;
  erpKey: string;
  params: Record<string, string | number | boolean | null>;
}

/** Why a pendência cannot be imported anyway (the API turns it into a pt-BR message naming the fix). */
export type ImportAnywayRefusal =
  | 'not_an_order'
  | 'not_a_duplicate'
  | 'resolved'
  /** The copy the operator confirmed is no longer the one the pendência names (the guard found another). */
  | 'changed'
  /** No single record of this order waits in the branch (imported meanwhile, or held under two store keys). */
  | 'no_record';

/**
 * Whether "Importar mesmo assim" may be decided on this pendência (ADR 0219): an order's open or ignored
 * `possivel_duplicado` only. Every other pendência keeps the second guard: nothing else skips it.
 */
export const importAnywayRefusal = (pending: ImportAnywayCandidate): ImportAnywayRefusal | null => {
  if (pending.entity !== 'order') return 'not_an_order';
  if (pending.kind !== IMPORT_ANYWAY_KIND) return 'not_a_duplicate';
  if (pending.status !== 'open' && pending.status !== 'ignored') return 'resolved';
  return null;
};

const numberOf = (value: ImportAnywayCandidate['params'][string] | undefined): number | null =>
  typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;

/** The copy a `possivel_duplicado` pendência names now (its params, written by duplicateProblem). */
export const confirmedOf = (params: ImportAnywayCandidate['params']): ConfirmedDuplicate => ({
  numped: numberOf(params.winthorOrder),
  numpedrca: numberOf(params.numpedrca),
});

/** Whether what the operator was shown (and confirmed) is still what the pendência names. */
export const sameConfirmed = (a: ConfirmedDuplicate, b: ConfirmedDuplicate): boolean =>
  a.numped === b.numped && a.numpedrca === b.numpedrca;

/** The WinThor order a `possivel_duplicado` pendência names (its params, written by duplicateProblem). */
export const resembledOrder = (params: ImportAnywayCandidate['params']): string => {
  const numped = params.winthorOrder;
  if (numped !== undefined && numped !== null && numped !== '-') return `o pedido ${numped} do WinThor`;
  const numpedrca = params.numpedrca;
  if (numpedrca !== undefined && numpedrca !== null && numpedrca !== '-')
    return `o registro aguardando importação no WinThor (PCPEDCFV, NUMPEDRCA ${numpedrca})`;
  return 'um pedido já lançado no WinThor';
};

/** The operator's decision, as the history line keeps it (WTC_PENDING_EVENT, action `import_anyway`). */
export interface ImportAnywayDecision {
  at: Date;
  actor: string | null;
}

/** The history line's text: what the operator confirmed (pt-BR, as the engine writes). */
export const decisionText = (storeOrderId: string, resembles: string): string =>
  `Importar mesmo assim: o operador confirmou que o pedido ${storeOrderId} da loja é outro pedido, não ${resembles}.`;

/** The log line of an order staged past the second guard because the operator decided so. */
export const importedAnywayMessage = (
  storeOrderId: string,
  numpedrca: number,
  decision: ImportAnywayDecision,
  duplicate: PossibleDuplicate,
): string => {
  const like =
    duplicate.numped !== null
      ? `o pedido ${duplicate.numped} do WinThor`
      : duplicate.numpedrca !== null
        ? `o registro NUMPEDRCA ${duplicate.numpedrca} do PCPEDCFV`
        : 'um pedido já lançado no WinThor';
  const who = decision.actor
    ? ` (${decision.actor}, ${decision.at.toISOString()})`
    : ` (${decision.at.toISOString()})`;
  return `Pedido ${storeOrderId} importado mesmo assim por decisão do operador${who}: parecido com ${like}, gravado para importação no WinThor (NUMPEDRCA ${numpedrca}).`;
};
