import {
  messageRef,
  type Branch,
  type MappingKind,
  type MessageRef,
  type Settings,
  type StoreCodesResult,
} from '../../contract';
import { unknownBranchError } from '../../shared/unknown-branch';
import { AppError } from '../../shared/app-error';
import type { SeenCodesSource } from './seen-codes';
import { summariseSeenCodes } from './seen-codes';
import type { StoreCodeSampler } from './store-code-sampler';

export interface StoreCodesDeps {
  settings: () => Settings;
  sampler: StoreCodeSampler;
  /** The order import's record of codes seen (ADR 0024); absent until the order import provides it. */
  seen?: SeenCodesSource;
  now?: () => Date;
  /**
   * Why the store must not be read now (an engine in standby, issue #12: the holder reads it), or null.
   * Then only the record answers; the sample is not taken and the reason is the `problem` (`problemRef`).
   */
  storeReadsOff?: () => StoreReadsOff | null;
}

/** Why the store is not read now: pt-BR, and its key for the UI's other languages (ADR 0025). */
export interface StoreReadsOff {
  note: string;
  ref: MessageRef;
}

const branchOf = (settings: Settings, code: string): Branch => {
  const branch = settings.branches.find((candidate) => candidate.code === code);
  if (!branch) {
    throw unknownBranchError(
      code,
      'Cadastre a filial em Configuração ou escolha uma das filiais configuradas.',
    );
  }
  return branch;
};

const described = (error: unknown): string => {
  if (error instanceof AppError) return error.fix ? `${error.message} ${error.fix}` : error.message;
  return `Não foi possível ler os pedidos da loja: ${(error as Error)?.message ?? String(error)}`;
};

/**
 * "Codes seen on orders" for a mapping screen: the order import's record when it has one, otherwise a
 * cached sample of the store's orders waiting for import. Whether each code is mapped is worked out on
 * every call from the current settings, so a mapping just saved clears its warning without a store call.
 * A store that cannot be read gives `problem` (pt-BR, with the fix), never an error: the screen still works
 * with codes typed by hand.
 */
export const readStoreCodes = async (
  deps: StoreCodesDeps,
  input: { branch: string; kind: MappingKind; refresh?: boolean },
): Promise<StoreCodesResult> => {
  const branch = branchOf(deps.settings(), input.branch);
  const rows = branch.mappings[input.kind];
  const base = { branch: branch.code, kind: input.kind };
  const recorded = await deps.seen?.seen(branch.code, input.kind);
  if (recorded && recorded.records.length > 0) {
    return {
      ...base,
      source: 'orders',
      readAt: (deps.now?.() ?? new Date()).toISOString(),
      orders: recorded.orders,
      codes: summariseSeenCodes(recorded.records, rows),
      problem: null,
    };
  }
  if (!branch.store.url.trim() || !branch.store.token.trim()) {
    return {
      ...base,
      source: 'none',
      readAt: null,
      orders: 0,
      codes: [],
      problem: `A filial ${branch.code} não tem a URL e o token da loja configurados: os códigos dos pedidos não podem ser lidos. Configure a loja em Configuração, ou digite os códigos.`,
    };
  }
  const off = deps.storeReadsOff?.() ?? null;
  if (off)
    return {
      ...base,
      source: 'none',
      readAt: null,
      orders: 0,
      codes: [],
      problem: off.note,
      problemRef: off.ref,
    };
  try {
    const sample = await deps.sampler.sample(branch, input.refresh ?? false);
    return {
      ...base,
      source: 'store',
      readAt: sample.readAt.toISOString(),
      orders: sample.orders,
      codes: summariseSeenCodes(sample.records[input.kind], rows),
      problem: null,
    };
  } catch (error) {
    return { ...base, source: 'none', readAt: null, orders: 0, codes: [], problem: described(error) };
  }
};

/** What `standbyNote` needs of the engine's lease: its standing now. */
interface LeaseStandingSource {
  standing(): { kind: string };
}

/**
 * The store-reads-off reason of an engine that does not hold its WinThor database (ADR 0310), worded by its
 * standing: waiting for another engine ("Assumir" only then), not yet settled, or out of touch with the
 * database. null when it holds it, or runs no lease (nothing to share the store with).
 */
const STANDBY_NOTES: Record<'waiting' | 'stale' | 'unsettled', string> = {
  waiting:
    'Em espera: este integrador não lê a loja enquanto outro está ativo neste banco; os códigos dos pedidos aparecem quando ele os importar (ou clique em "Assumir" no Painel).',
  stale:
    'Em espera: este integrador perdeu contato com o banco do WinThor e não lê a loja até renovar a posse; os códigos dos pedidos aparecem quando a conexão voltar.',
  unsettled:
    'Em espera: este integrador ainda verifica se é o ativo neste banco e não lê a loja até saber; os códigos dos pedidos aparecem em instantes.',
};

export const standbyNote = (lease: LeaseStandingSource | null | undefined): StoreReadsOff | null => {
  if (!lease) return null;
  const kind = lease.standing().kind;
  if (kind === 'held') return null;
  const which = kind === 'waiting' || kind === 'stale' ? kind : 'unsettled';
  return { note: STANDBY_NOTES[which], ref: messageRef(`mappings.storeReadsOff_${which}`) };
};

/**
 * Why a runtime without an engine in its process (the command line's `diagnostics`) never reads the store
 * for the setup guide (#12): it holds no lease, so a store read could spend the budget of the engine that
 * runs beside it.
 */
export const NO_ENGINE_STORE_NOTE: StoreReadsOff = {
  note: 'Este processo não roda o motor (linha de comando): não lê a loja; os códigos dos pedidos aparecem quando o integrador ativo os importar.',
  ref: messageRef('mappings.storeReadsOff_noEngine'),
};
