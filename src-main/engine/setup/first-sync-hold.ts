import type { ScheduleJob } from '../../contract';

/**
 * The catalogue jobs a branch's schedules do not run before its first-sync preview was seen (ADR 0406):
 * they send WinThor's catalogue to the store. Orders, their status and customers are not held (an order
 * whose codes have no mapping already waits as a pendência).
 */
export const HELD_UNTIL_PREVIEW: ReadonlySet<ScheduleJob> = new Set<ScheduleJob>([
  'categories',
  'products',
  'prices',
  'stock',
  'reconcile',
]);

/** What the engine asks before a schedule starts a catalogue job (runtime/first-sync-hold.ts answers). */
export interface FirstSyncHold {
  /** True while the branch never synced its catalogue and neither its preview was seen nor a person started it. */
  isHeld(branch: string): Promise<boolean>;
  /** A person started the branch's catalogue by hand ("Executar agora", "Iniciar primeira sincronização"). */
  startedByHand(branch: string): void;
}

/** What decides the hold, per branch; pure so that each case has its unit test. */
export interface FirstSyncFacts {
  /** A catalogue job of the branch finished well once, or the store already holds items the engine sent. */
  catalogueSynced: boolean;
  previewSeen: boolean;
  startedByHand: boolean;
}

export const catalogueHeld = (facts: FirstSyncFacts): boolean =>
  !facts.catalogueSynced && !facts.previewSeen && !facts.startedByHand;

/** The engine's words while held (pt-BR; `engine.detailRef` carries the key). */
export const heldDetail = (branches: readonly string[]): string =>
  `Aguardando: veja a prévia da primeira sincronização — passo 8 (filial ${branches.join(', ')})`;
