/**
 * When a store client may close its connections (ADR 0010): calls and multi-call operations enter and
 * leave; close() ends everything now (shutdown), closeWhenIdle() waits until nothing is in progress.
 * After closing, enter() refuses with the error `refusal` builds: nothing more is sent.
 */
export class ClientLifecycle {
  private active = 0;
  private stage: 'open' | 'closing' | 'closed' = 'open';

  constructor(
    private readonly closeConnections: () => void,
    private readonly refusal: () => Error,
  ) {}

  get inProgress(): number {
    return this.active;
  }

  get closed(): boolean {
    return this.stage === 'closed';
  }

  enter(): void {
    if (this.stage === 'closed') throw this.refusal();
    this.active += 1;
  }

  leave(): void {
    this.active -= 1;
    if (this.stage === 'closing' && this.active === 0) this.close();
  }

  close(): void {
    if (this.stage === 'closed') return;
    this.stage = 'closed';
    this.closeConnections();
  }

  closeWhenIdle(): void {
    if (this.stage !== 'open') return;
    if (this.active === 0) this.close();
    else this.stage = 'closing';
  }
}
