import type { SetupStatus } from '../contract';
import type { EngineController } from '../engine/engine-controller';
import { measureSetup } from '../engine/setup/measure-setup';
import { readinessOf } from '../engine/setup/readiness';
import { gatherSetupFacts, type SetupSources } from './setup-gather';

/** A new measure every minute; a change (settings, a test, a run) asks for one sooner. */
const EVERY_MS = 60_000;
const SOON_MS = 300;

/**
 * The first-run guide's live measure (ADR 0401): measured on demand (`setup.status`), soon after anything
 * that may change a step, and every minute; each measure tells the engine what it waits for (ADR 0402).
 */
export class SetupMonitor {
  private last: SetupStatus | null = null;
  private running: Promise<SetupStatus> | null = null;
  private next: Promise<SetupStatus> | null = null;
  private soon: NodeJS.Timeout | null = null;
  private every: NodeJS.Timeout | null = null;

  constructor(
    private readonly sources: SetupSources,
    private readonly now: () => Date,
    private readonly engine: EngineController | null,
    private readonly onMeasured: (status: SetupStatus) => void = () => {},
  ) {}

  current(): SetupStatus | null {
    return this.last;
  }

  /**
   * Measures now. Asked while a measure is under way: one more measure follows it (shared by everyone who
   * asked meanwhile), so a caller always gets a measure that started after its call, and a busy host never
   * starves a measure by asking again and again.
   */
  measure(): Promise<SetupStatus> {
    if (!this.running) return (this.running = this.measureOnce());
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return (this.running = this.measureOnce());
      });
    return this.next;
  }

  private async measureOnce(): Promise<SetupStatus> {
    try {
      const facts = await gatherSetupFacts(this.sources);
      const status = measureSetup(facts, this.now());
      this.engine?.setReadiness(readinessOf(status, facts));
      this.last = status;
      this.onMeasured(status);
      return status;
    } finally {
      this.running = null;
    }
  }

  /** Something changed: measure again in a moment (several changes make one measure). */
  changed(): void {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.measure().catch(() => {});
    }, SOON_MS);
    this.soon.unref?.();
  }

  start(): void {
    this.changed();
    this.every = setInterval(() => void this.measure().catch(() => {}), EVERY_MS);
    this.every.unref?.();
  }

  stop(): void {
    if (this.soon) clearTimeout(this.soon);
    if (this.every) clearInterval(this.every);
    this.soon = this.every = null;
  }
}
