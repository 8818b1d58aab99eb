import type { ScheduleJob } from '../../contract';

/**
 * The catalogue jobs a branch's schedules do not run before a person started its first sync (ADR 0406):
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
  /**
   * True while the branch's current store holds none of its catalogue and no person started its first sync
   * for that store. Rejects when it cannot tell (database down): the caller decides (the engine waits).
   */
  isHeld(branch: string): Promise<boolean>;
  /** A person started the branch's catalogue ("Iniciar primeira sincronização", "Executar agora", the CLI). */
  startedByHand(branch: string): void;
}

/** The engine's words while held (pt-BR; `engine.detailRef` carries the key). */
export const heldDetail = (branches: readonly string[]): string =>
  `Aguardando: veja a prévia da primeira sincronização — passo 8 (filial ${branches.join(', ')})`;
