import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimResult, LeaseRow } from '../../winthor/repositories/engine-lease-repository';
import { LeaseKeeper, type LeasePort } from './lease-keeper';
import { LEASE_EXPIRY_SECONDS, LEASE_RENEW_MS, mayClaim, sinceText, type LeaseStanding } from './lease-rules';

/**
 * The database's lease in memory, with the rule of the conditional UPDATE (mayClaim) and the fake clock as the
 * database's clock: what two engines see of one WinThor database.
 */
class MemoryLease {
  row: (Omit<LeaseRow, 'expired' | 'dbNow'> & { instanceId: string | null }) | null = null;

  port(me: string, hostName: string, dataDir: string): LeasePort {
    return {
      claim: async (force) => {
        const now = new Date();
        const won = mayClaim(this.row, me, now, LEASE_EXPIRY_SECONDS, force);
        if (won) {
          const acquiredAt = this.row?.instanceId === me ? this.row.acquiredAt : now;
          this.row = {
            instanceId: me,
            hostName,
            dataDir,
            pid: 1,
            version: '1.0.0',
            hostKind: 'headless',
            acquiredAt,
            heartbeatAt: now,
          };
        }
        const row = this.row!;
        const expired =
          row.heartbeatAt !== null && row.heartbeatAt.getTime() < now.getTime() - LEASE_EXPIRY_SECONDS * 1000;
        return { won, row: { ...row, expired, dbNow: now } } satisfies ClaimResult;
      },
      release: async () => {
        if (this.row?.instanceId === me) this.row = { ...this.row, instanceId: null };
      },
    };
  }
}

const kinds = (keeper: LeaseKeeper) => keeper.standing().kind;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 11, 6, 14, 5, 0));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('lease rules', () => {
  const now = new Date(2026, 11, 6, 14, 5, 0);
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('a free, own, expired or forced lease may be claimed; one renewed within 2 minutes by another may not', () => {
    expect(mayClaim(null, 'a', now, 120)).toBe(true);
    expect(mayClaim({ instanceId: null, heartbeatAt: ago(5) }, 'a', now, 120)).toBe(true);
    expect(mayClaim({ instanceId: 'a', heartbeatAt: ago(5) }, 'a', now, 120)).toBe(true);
    expect(mayClaim({ instanceId: 'b', heartbeatAt: ago(119) }, 'a', now, 120)).toBe(false);
    expect(mayClaim({ instanceId: 'b', heartbeatAt: ago(121) }, 'a', now, 120)).toBe(true);
    expect(mayClaim({ instanceId: 'b', heartbeatAt: ago(5) }, 'a', now, 120, true)).toBe(true);
  });

  it('"desde" is the time of day on the same day, with the date on another', () => {
    expect(sinceText(new Date(2026, 11, 6, 9, 7), now)).toBe('09:07');
    expect(sinceText(new Date(2026, 11, 5, 23, 50), now)).toBe('05/12 23:50');
  });

  it('"desde" is on this machine\'s clock when the database server\'s clock is 3 h ahead (another zone)', () => {
    const dbNow = new Date(now.getTime() + 3 * 3600_000); // SYSDATE of a server 3 h ahead: 17:05
    const acquired = new Date(dbNow.getTime() - 65 * 60_000); // 16:00 on the server, 65 minutes ago
    expect(sinceText(acquired, dbNow, now)).toBe('13:00');
    expect(sinceText(new Date(dbNow.getTime() - 15 * 3600_000), dbNow, now)).toBe('05/12 23:05');
  });
});

describe('LeaseKeeper (fake clock)', () => {
  it('only one of two engines holds the database; the other waits and says who holds it', async () => {
    const lease = new MemoryLease();
    const first = new LeaseKeeper(lease.port('a', 'SERVIDOR', 'C:\\ProgramData\\Integrador'));
    const second = new LeaseKeeper(lease.port('b', 'ESTACAO', 'C:\\Teste'));
    first.start();
    await first.settled();
    second.start();
    await second.settled();
    expect(kinds(first)).toBe('held');
    expect(second.standing()).toEqual({
      kind: 'waiting',
      lost: false,
      holder: {
        hostName: 'SERVIDOR',
        dataDir: 'C:\\ProgramData\\Integrador',
        pid: 1,
        version: '1.0.0',
        since: '14:05',
      },
    });
    // Renewals keep it where it is.
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS * 10);
    expect([kinds(first), kinds(second)]).toEqual(['held', 'waiting']);
    await first.stop();
    await second.stop();
  });

  it('an engine that dies (no renewal, no release) is replaced after the expiry, not before', async () => {
    const lease = new MemoryLease();
    const dead = new LeaseKeeper(lease.port('a', 'SERVIDOR', 'C:\\A'));
    await dead.look();
    const changes: LeaseStanding[] = [];
    const waiting = new LeaseKeeper(lease.port('b', 'ESTACAO', 'C:\\B'), {
      onChange: (s) => changes.push(s),
    });
    waiting.start();
    await waiting.settled();
    expect(kinds(waiting)).toBe('waiting');
    // 'a' never renews again (its process died). 90 s later it is still within the expiry.
    await vi.advanceTimersByTimeAsync(90_000);
    expect(kinds(waiting)).toBe('waiting');
    // By the first renewal after 120 s without a heartbeat, 'b' holds it.
    await vi.advanceTimersByTimeAsync(LEASE_EXPIRY_SECONDS * 1000 - 90_000 + LEASE_RENEW_MS);
    expect(kinds(waiting)).toBe('held');
    expect(lease.row?.instanceId).toBe('b');
    expect(changes.map((s) => s.kind)).toEqual(['waiting', 'held']);
    await waiting.stop();
  });

  it('a clean stop frees the lease at once: the other takes it at its next renewal', async () => {
    const lease = new MemoryLease();
    const first = new LeaseKeeper(lease.port('a', 'SERVIDOR', 'C:\\A'));
    const second = new LeaseKeeper(lease.port('b', 'ESTACAO', 'C:\\B'));
    first.start();
    await first.settled();
    second.start();
    await second.settled();
    await first.stop();
    expect(lease.row?.instanceId).toBeNull();
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS);
    expect(kinds(second)).toBe('held');
    await second.stop();
  });

  it('"Assumir" takes it from a live holder, which finds at its next renewal that it lost it', async () => {
    const lease = new MemoryLease();
    const logs: string[] = [];
    const holder = new LeaseKeeper(lease.port('a', 'SERVIDOR', 'C:\\A'), { log: (_l, m) => logs.push(m) });
    const other = new LeaseKeeper(lease.port('b', 'ESTACAO', 'C:\\B'));
    holder.start();
    await holder.settled();
    other.start();
    await other.settled();
    expect(kinds(other)).toBe('waiting');
    expect((await other.takeOver()).kind).toBe('held');
    expect(kinds(holder)).toBe('held');
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS);
    expect(holder.standing()).toMatchObject({ kind: 'waiting', lost: true, holder: { hostName: 'ESTACAO' } });
    expect(logs).toContain(
      'Em espera: outro integrador assumiu este banco (host ESTACAO, pasta C:\\B, desde 14:05).',
    );
    // The one that lost it does not take it back while the other renews.
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS * 8);
    expect([kinds(holder), kinds(other)]).toEqual(['waiting', 'held']);
    // Its stop releases nothing it does not hold.
    await holder.stop();
    expect(lease.row?.instanceId).toBe('b');
    await other.stop();
  });

  it('an engine that waits keeps waiting when a renewal fails (it does not start beside the holder)', async () => {
    const lease = new MemoryLease();
    const holder = new LeaseKeeper(lease.port('a', 'SERVIDOR', 'C:\\ProgramData\\Integrador'));
    holder.start();
    await holder.settled();
    const port = lease.port('b', 'ESTACAO', 'C:\\Teste');
    let failing = false;
    const waiter = new LeaseKeeper({
      claim: async (force) => {
        if (failing) throw new Error('NJS-040: connection request timeout');
        return port.claim(force);
      },
      release: port.release,
    });
    expect((await waiter.look()).kind).toBe('waiting');
    failing = true;
    expect((await waiter.look()).kind).toBe('waiting');
    failing = false;
    expect((await waiter.look()).kind).toBe('waiting');
    await holder.stop();
    expect((await waiter.look()).kind).toBe('held');
  });

  it('without a lease table or a database the standing is unknown, and blocks nothing; a failed first claim is unheld (it blocks)', async () => {
    const keeper = new LeaseKeeper({ claim: async () => null, release: async () => {} });
    expect((await keeper.look()).kind).toBe('unknown');
    const failing = new LeaseKeeper({
      claim: async () => {
        throw new Error('ORA-12541: TNS:no listener');
      },
      release: async () => {},
    });
    // Never held: another engine may hold the database, so the engine stays away (ADR 0311, final review).
    expect(await failing.look()).toEqual({
      kind: 'unknown',
      reason: 'ORA-12541: TNS:no listener',
      unheld: true,
    });
  });
});

describe('LeaseKeeper gaps (ADR 0311–0313)', () => {
  /** A port over the memory lease whose claims fail while `failing`, or hang while `hung`. */
  const flaky = (lease: MemoryLease, me: string) => {
    const port = lease.port(me, 'SERVIDOR', 'C:\\A');
    const state = { failing: false, hung: false, claims: 0, releases: 0 };
    const wrapped: LeasePort = {
      claim: async (force) => {
        state.claims++;
        if (state.hung) return new Promise<never>(() => {});
        if (state.failing) throw new Error('NJS-040: connection request timeout');
        return port.claim(force);
      },
      release: async () => {
        state.releases++;
        await port.release();
      },
    };
    return { port: wrapped, state };
  };
  const monotonicNow = () => Date.now();
  /** A started keeper over a flaky port, holding the memory lease. */
  const holding = async (options: { stopTimeoutMs?: number } = {}) => {
    const lease = new MemoryLease();
    const { port, state } = flaky(lease, 'a');
    const keeper = new LeaseKeeper(port, { monotonicNow, ...options });
    keeper.start();
    await keeper.settled();
    return { lease, state, keeper };
  };

  it('a holder whose renewals fail stops running 60 s after its last renewal, and runs again once one wins', async () => {
    const { state, keeper } = await holding();
    expect(kinds(keeper)).toBe('held');
    state.failing = true;
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS * 2 - 1); // just under 60 s: the margin, not past it
    expect(kinds(keeper)).toBe('unknown');
    await vi.advanceTimersByTimeAsync(1);
    // Two renewals before the expiry (ADR 0311): an item in flight finishes before another engine may start.
    expect(keeper.standing()).toEqual({ kind: 'stale', seconds: 60 });
    state.failing = false;
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS);
    expect(kinds(keeper)).toBe('held');
    await keeper.stop();
  });

  it('stale 60 s after the last win was SENT, also when that claim answered late and the next one hangs', async () => {
    const lease = new MemoryLease();
    const port = lease.port('a', 'SERVIDOR', 'C:\\A');
    let delayMs = 0;
    let hung = false;
    const keeper = new LeaseKeeper(
      {
        claim: async (force) => {
          if (hung) return new Promise<never>(() => {});
          const answer = await port.claim(force);
          if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
          return answer;
        },
        release: port.release,
      },
      { monotonicNow },
    );
    keeper.start();
    await keeper.settled();
    expect(kinds(keeper)).toBe('held');
    // A renewal sent at 30 s wins but answers only at 55 s; the next one (at 60 s) hangs for good.
    delayMs = 25_000;
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS + 25_000);
    expect(kinds(keeper)).toBe('held');
    hung = true;
    // 60 s after the SEND (30 s + 60 s = 90 s), not after the answer, and with no tick past 90 s needed.
    await vi.advanceTimersByTimeAsync(90_000 - (LEASE_RENEW_MS + 25_000) - 1);
    expect(kinds(keeper)).toBe('held');
    await vi.advanceTimersByTimeAsync(1);
    expect(keeper.standing()).toEqual({ kind: 'stale', seconds: 60 });
    void keeper.stop();
    await vi.advanceTimersByTimeAsync(20_000);
  });

  it('a stale holder whose lease another engine took meanwhile waits', async () => {
    const { lease, state, keeper } = await holding();
    state.failing = true;
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS * 5);
    expect(kinds(keeper)).toBe('stale');
    const other = new LeaseKeeper(lease.port('b', 'ESTACAO', 'C:\\B'));
    expect((await other.look()).kind).toBe('held');
    state.failing = false;
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS);
    expect(keeper.standing()).toMatchObject({ kind: 'waiting', lost: true, holder: { hostName: 'ESTACAO' } });
    await keeper.stop();
    await other.stop();
  });

  it('renewals do not pile up on a hung database, and stop() returns within its bound', async () => {
    const { state, keeper } = await holding({ stopTimeoutMs: 5_000 });
    state.hung = true;
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS * 6);
    expect(state.claims).toBe(2); // the first, and the one renewal still hung
    expect(kinds(keeper)).toBe('stale');
    let stopped = false;
    void keeper.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(stopped).toBe(true);
  });

  it('a clean stop after a failed renewal still frees the lease', async () => {
    const lease = new MemoryLease();
    const { port, state } = flaky(lease, 'a');
    const keeper = new LeaseKeeper(port, { monotonicNow });
    await keeper.look();
    state.failing = true;
    expect((await keeper.look()).kind).toBe('unknown');
    await keeper.stop();
    expect(state.releases).toBe(1);
    expect(lease.row?.instanceId).toBeNull();
  });

  it('held by the schema check it frees the lease for the other engine and claims nothing; let go, it claims again', async () => {
    const { lease, state, keeper } = await holding();
    await keeper.suspend(true);
    expect(lease.row?.instanceId).toBeNull();
    const claims = state.claims;
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS * 3);
    expect(state.claims).toBe(claims);
    expect(kinds(keeper)).toBe('unknown');
    const other = new LeaseKeeper(lease.port('b', 'ESTACAO', 'C:\\B'));
    expect((await other.look()).kind).toBe('held');
    await keeper.suspend(false);
    expect(keeper.standing()).toMatchObject({ kind: 'waiting', holder: { hostName: 'ESTACAO' } });
    await other.stop();
    await vi.advanceTimersByTimeAsync(LEASE_RENEW_MS);
    expect(kinds(keeper)).toBe('held');
    await keeper.stop();
  });
  it('a start-up claim in flight when the schema check suspends it: its answer is recorded, then the lease freed', async () => {
    const lease = new MemoryLease();
    const port = lease.port('a', 'SERVIDOR', 'C:\\A');
    let answer!: () => void;
    const gate = new Promise<void>((done) => (answer = done));
    const changes: string[] = [];
    const keeper = new LeaseKeeper(
      {
        claim: async (force) => {
          await gate;
          return port.claim(force);
        },
        release: port.release,
      },
      { monotonicNow, onChange: (s) => changes.push(s.kind) },
    );
    keeper.start();
    await vi.advanceTimersByTimeAsync(0); // the first claim is sent, its answer not back yet
    const suspended = keeper.suspend(true);
    answer();
    await suspended;
    // The won claim was not thrown away: held, then released by the suspension.
    expect(changes).toEqual(['held', 'unknown']);
    expect(lease.row?.instanceId).toBeNull();
    await keeper.stop();
  });

  it("a resume during the suspension's release: the release does not free the new claim, nor end unknown", async () => {
    const lease = new MemoryLease();
    const port = lease.port('a', 'SERVIDOR', 'C:\\A');
    let releasing!: () => void;
    let slow = false;
    const keeper = new LeaseKeeper(
      {
        claim: port.claim,
        release: async () => {
          if (slow) await new Promise<void>((done) => (releasing = done));
          await port.release();
        },
      },
      { monotonicNow },
    );
    keeper.start();
    await keeper.settled();
    slow = true;
    const suspended = keeper.suspend(true);
    await vi.advanceTimersByTimeAsync(0);
    const resumed = keeper.suspend(false);
    slow = false;
    releasing();
    await Promise.all([suspended, resumed]);
    // The release ran first, the resume's claim after it: this engine holds the row and knows it.
    expect(lease.row?.instanceId).toBe('a');
    expect(kinds(keeper)).toBe('held');
    await keeper.stop();
  });

  it('a stop never released when no claim won (pending, unknown, waiting); after a win, a release and a loss, neither', async () => {
    const lease = new MemoryLease();
    const { port, state } = flaky(lease, 'a');
    state.failing = true;
    const unknown = new LeaseKeeper(port, { monotonicNow });
    expect((await unknown.look()).kind).toBe('unknown');
    await unknown.stop();
    const pending = new LeaseKeeper(port, { monotonicNow });
    await pending.stop();
    expect(state.releases).toBe(0);
    // Held, then lost to "Assumir": the row is the other's, nothing to release.
    state.failing = false;
    const held = new LeaseKeeper(port, { monotonicNow });
    expect((await held.look()).kind).toBe('held');
    await new LeaseKeeper(lease.port('b', 'ESTACAO', 'C:\\B')).takeOver();
    expect((await held.look()).kind).toBe('waiting');
    await held.stop();
    expect(state.releases).toBe(0);
  });

  it('"desde" is computed once per acquisition: a renewal across a minute boundary changes nothing', async () => {
    vi.setSystemTime(new Date(2026, 11, 6, 14, 5, 59, 900));
    const lease = new MemoryLease();
    const port = lease.port('a', 'SERVIDOR', 'C:\\A');
    const changes: LeaseStanding[] = [];
    // Each read's elapsed time by the database's clock jitters by a few hundred ms (two clocks, two reads):
    // at 14:05:59.9 the computed time of the same acquisition falls on either side of 14:06.
    const skews = [0, -200, 0, -200];
    const keeper = new LeaseKeeper(
      {
        claim: async (force) => {
          const result = (await port.claim(force))!;
          const skew = skews.shift() ?? 0;
          return {
            ...result,
            row: result.row && { ...result.row, dbNow: new Date(result.row.dbNow.getTime() + skew) },
          };
        },
        release: port.release,
      },
      { monotonicNow, onChange: (s) => changes.push(s) },
    );
    await keeper.look();
    await keeper.look();
    await keeper.look();
    await keeper.look();
    expect(changes).toEqual([{ kind: 'held', since: '14:05' }]);
  });
});
