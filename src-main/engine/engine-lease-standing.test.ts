import { describe, expect, it, vi } from 'vitest';
import { EngineController } from './engine-controller';
import { fakePorts } from './fake-ports.test-support';
import { LeaseKeeper } from './lease/lease-keeper';
import { leaseRowOf } from './lease/lease-row.test-support';
import type { ClaimResult } from '../winthor/repositories/engine-lease-repository';

const holder = { hostName: 'SRV', dataDir: 'C:\\Dados', pid: 7, version: '0.1.0', since: '14:05' };
const waiting = { kind: 'waiting' as const, holder, lost: true };

/** The engine's private scheduled start, as the scheduler calls it. */
const fire = (engine: EngineController, job: 'stock' | 'prices') =>
  (engine as unknown as { fire(b: string, j: string, t: string): Promise<void> }).fire('1', job, 'schedule');

describe('the lease and the schema hold in the engine (ADR 0310–0313)', () => {
  it('a schedule whose lease is lost while the first-sync hold is read starts nothing', async () => {
    const { ports, runs } = fakePorts();
    // eslint-disable-next-line prefer-const -- the hold flips the engine built with it
    let engine: EngineController;
    const firstSync = {
      isHeld: vi.fn(async () => {
        engine.setLease(waiting); // "Assumir" on the other machine, answered meanwhile
        return false;
      }),
      startedByHand: vi.fn(),
    };
    engine = new EngineController({ ports, jobs: { stock: async () => {} }, scheduler: false, firstSync });
    engine.start();
    await fire(engine, 'stock');
    expect(firstSync.isHeld).toHaveBeenCalled();
    expect(runs).toEqual([]);
    await engine.stop();
  });

  it('"Executar agora" of several jobs: the lease lost while the first starts refuses the next ones', async () => {
    const { ports, runs, settings } = fakePorts();
    settings.branches[0]!.schedules = settings.branches[0]!.schedules.map((s) => ({ ...s, enabled: true }));
    const start = ports.runs.start;
    // eslint-disable-next-line prefer-const -- the port flips the engine built with it
    let engine: EngineController;
    ports.runs.start = async (run) => {
      const id = await start(run);
      engine.setLease(waiting);
      return id;
    };
    engine = new EngineController({
      ports,
      jobs: { stock: async () => {}, prices: async () => {} },
      scheduler: false,
    });
    engine.start();
    const result = await engine.run({ branch: '1' }, 'manual');
    expect(result.started).toHaveLength(1);
    expect(runs).toHaveLength(1);
    expect(result.refused).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Em espera: outro integrador assumiu') }),
    ]);
    await engine.stop();
  });

  it('a lease not renewed near its expiry: standby saying why, runs refused; renewed, it runs again', async () => {
    const { ports } = fakePorts();
    const engine = new EngineController({ ports, jobs: { stock: async () => {} }, scheduler: false });
    engine.start();
    engine.setLease({ kind: 'held', since: '14:05' });
    engine.setLease({ kind: 'stale', seconds: 95 });
    expect(engine.snapshot()).toMatchObject({
      state: 'standby',
      summary: 'Em espera: sem renovar a posse do banco há 95 s: sincronização parada até o banco responder',
      detailRef: { key: 'engineState.leaseStale', params: { seconds: 95 } },
    });
    await expect(engine.run({ branch: '1', job: 'stock' }, 'manual')).rejects.toMatchObject({
      code: 'engine_standby',
      messageRef: { key: 'engine.leaseStale', params: { seconds: 95 } },
    });
    engine.setLease({ kind: 'held', since: '14:05' });
    expect(engine.snapshot().state).toBe('running');
    await engine.stop();
  });

  it('held by the schema check the lease is freed; a manual pause keeps it; running again claims it', () => {
    const suspended: boolean[] = [];
    const engine = new EngineController({ onLeaseSuspended: (s) => suspended.push(s) });
    engine.start();
    engine.pause();
    engine.resume();
    expect(suspended).toEqual([]); // a person's pause keeps the lease (ADR 0313)
    engine.setSchemaHold('owner');
    engine.pause();
    expect(suspended).toEqual([true]);
    engine.resume(); // resumed by hand with the tables behind: it runs, so it claims
    expect(suspended).toEqual([true, false]);
    engine.pause();
    engine.setSchemaHold(null);
    expect(suspended).toEqual([true, false, true, false]);
  });
  it('start-up under the schema hold: a claim in flight that finds another holder is recorded, no run marked', async () => {
    const { ports } = fakePorts();
    const marked = vi.fn(async () => 0);
    ports.runs.markInterrupted = marked;
    let answer!: () => void;
    const gate = new Promise<void>((done) => (answer = done));
    const other: ClaimResult = {
      won: false,
      row: leaseRowOf('outro'),
    };
    const releases = vi.fn(async () => {});
    // eslint-disable-next-line prefer-const -- the keeper's changes go to the engine built with it
    let engine: EngineController;
    const keeper = new LeaseKeeper(
      { claim: async () => (await gate, other), release: releases },
      { onChange: (standing) => engine.setLease(standing) },
    );
    engine = new EngineController({
      ports,
      jobs: {},
      leaseSettled: () => keeper.ready(),
      onLeaseSuspended: (s) => void keeper.suspend(s),
    });
    engine.start();
    await new Promise((done) => setTimeout(done, 0)); // the first claim is sent
    engine.setSchemaHold('owner'); // the schema check at start holds it while the claim is in flight
    engine.pause();
    answer();
    await new Promise((done) => setTimeout(done, 20));
    expect(marked).not.toHaveBeenCalled();
    expect(releases).not.toHaveBeenCalled(); // it never held the row
    await engine.stop();
    await keeper.stop();
  });

  it('a stop of a schema-held engine claims nothing (no suspend(false) while closing)', async () => {
    const suspended: boolean[] = [];
    const engine = new EngineController({ onLeaseSuspended: (s) => suspended.push(s) });
    engine.start();
    engine.setSchemaHold('owner');
    engine.pause();
    await engine.stop();
    expect(suspended).toEqual([true]);
    engine.setSchemaHold(null); // the schema check answering late changes nothing either
    expect(suspended).toEqual([true]);
  });

  it('back from stale to held: its own runs still finishing are not marked interrupted; taken from another, they are', async () => {
    const { ports } = fakePorts();
    const marked = vi.fn(async () => 0);
    ports.runs.markInterrupted = marked;
    const engine = new EngineController({ ports, jobs: {}, leaseSettled: async () => {} });
    engine.setLease({ kind: 'held', since: '14:05' });
    engine.start();
    await new Promise((done) => setTimeout(done, 20));
    expect(marked).toHaveBeenCalledTimes(1);
    engine.setLease({ kind: 'stale', seconds: 60 });
    engine.setLease({ kind: 'held', since: '14:05' });
    expect(marked).toHaveBeenCalledTimes(1);
    engine.setLease(waiting);
    engine.setLease({ kind: 'held', since: '14:30' });
    expect(marked).toHaveBeenCalledTimes(2);
    await engine.stop();
  });
});
