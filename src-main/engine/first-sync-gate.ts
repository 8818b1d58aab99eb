import type { ScheduleJob } from '../contract';
import type { LogRecord } from '../winthor';
import { jobLabel } from './job-runner';
import { HELD_UNTIL_PREVIEW, type FirstSyncHold } from './setup/first-sync-hold';

export interface FirstSyncGateDeps {
  /** Without it nothing is held (a unit test, a host without a database). */
  hold?: FirstSyncHold;
  /** Starts a job a schedule skipped while held (the engine's scheduled fire). */
  fire(branch: string, job: ScheduleJob): void;
  log(level: LogRecord['level'], message: string): void;
  /** The held branches changed: the engine's snapshot says so. */
  changed(): void;
}

/**
 * The engine's bookkeeping of first syncs that wait (ADR 0406): which branches are held, with the scheduled
 * catalogue jobs they skipped, and their start once released. Fails closed: a branch whose answer cannot be
 * read waits for the next fire rather than sending its whole catalogue unseen.
 */
export class FirstSyncGate {
  /** Held branches, with the jobs their schedules skipped meanwhile. */
  private readonly held = new Map<string, Set<ScheduleJob>>();

  constructor(private readonly deps: FirstSyncGateDeps) {}

  heldBranches(): string[] {
    return [...this.held.keys()];
  }

  isHeldHere(branch: string): boolean {
    return this.held.has(branch);
  }

  /** Before a schedule starts `job`: true when it must not start now (held, or the hold cannot be read). */
  async mustWait(branch: string, job: ScheduleJob): Promise<boolean> {
    const hold = this.deps.hold;
    if (!hold || !HELD_UNTIL_PREVIEW.has(job)) return false;
    let held: boolean;
    try {
      held = await hold.isHeld(branch);
    } catch (error) {
      this.deps.log(
        'warn',
        `Filial ${branch}: não foi possível saber se o catálogo já foi sincronizado (${(error as Error).message}); ${jobLabel(job)} fica para o próximo agendamento.`,
      );
      return true;
    }
    if (held) {
      this.skip(branch, job);
      return true;
    }
    this.release(branch, job);
    return false;
  }

  /** A person started `job` of the branch: a catalogue job releases its first sync. */
  startedByHand(branch: string, job: ScheduleJob): void {
    if (HELD_UNTIL_PREVIEW.has(job)) this.deps.hold?.startedByHand(branch);
  }

  /**
   * Something may have released a held branch (a first sync started by hand, a catalogue run finished): asks
   * again for each held branch, and starts at once what its schedules skipped meanwhile. A branch whose
   * answer cannot be read stays held.
   */
  async recheck(): Promise<void> {
    const hold = this.deps.hold;
    for (const [branch, skipped] of [...this.held]) {
      const still = hold ? await hold.isHeld(branch).catch(() => true) : false;
      if (still || this.held.get(branch) !== skipped) continue;
      this.release(branch);
    }
  }

  /** Branches no longer enabled are no longer held. */
  forget(keep: (branch: string) => boolean): void {
    for (const branch of [...this.held.keys()]) if (!keep(branch)) this.held.delete(branch);
  }

  private skip(branch: string, job: ScheduleJob): void {
    const skipped = this.held.get(branch);
    if (skipped) return void skipped.add(job);
    this.held.set(branch, new Set([job]));
    this.deps.log(
      'info',
      `Filial ${branch}: o catálogo aguarda a primeira sincronização — veja a prévia (passo 8 de Primeiros passos) e clique em "Iniciar primeira sincronização", ou "Executar agora".`,
    );
    this.deps.changed();
  }

  /** Released: the skipped jobs start at once (all but `starting`, which its own fire runs). */
  private release(branch: string, starting?: ScheduleJob): void {
    const skipped = this.held.get(branch);
    if (!skipped) return;
    this.held.delete(branch);
    this.deps.log('info', `Filial ${branch}: a primeira sincronização do catálogo foi liberada.`);
    this.deps.changed();
    for (const job of skipped) if (job !== starting) this.deps.fire(branch, job);
  }
}
