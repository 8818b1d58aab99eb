import { describe, expect, it, vi } from 'vitest';
import type { ClaimResult } from '../../winthor/repositories/engine-lease-repository';
import { EngineController } from '../engine-controller';
import { fakePorts } from '../fake-ports.test-support';
import { LeaseKeeper, type LeasePort } from './lease-keeper';
import { leaseRowOf } from './lease-row.test-support';

/** The row as the database has it: another engine holds it and renews it. */
const otherHolds = (): ClaimResult => ({
  won: false,
  row: leaseRowOf('outro'),
});
const won = (): ClaimResult => ({ won: true, row: { ...otherHolds().row!, instanceId: 'eu' } });

/** A keeper whose claims answer from `answers` in turn (an Error is thrown), wired to an engine. */
const engineWithKeeper = (answers: Array<ClaimResult | Error | null>) => {
  const { ports, runs } = fakePorts();
  const port: LeasePort = {
    claim: vi.fn(async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next ?? null;
    }),
    release: vi.fn(async () => {}),
  };
  // eslint-disable-next-line prefer-const -- the keeper's changes go to the engine built with it
  let engine: EngineController;
  const keeper = new LeaseKeeper(port, { onChange: (standing) => engine.setLease(standing) });
  const ran = vi.fn(async () => {});
  engine = new EngineController({
    ports,
    jobs: { stock: ran },
    scheduler: false,
    leaseSettled: () => keeper.ready(),
    onLeaseSuspended: (s) => void keeper.suspend(s),
  });
  return { engine, keeper, runs, ran, port };
};

describe('a claim that fails before this engine ever held the lease (ADR 0311)', () => {
  it('first claim throws while another engine holds the row: standby saying why, no job runs; a won claim runs', async () => {
    const { engine, keeper, runs, ran } = engineWithKeeper([
      new Error('ORA-12170: TNS: tempo esgotado'),
      won(),
    ]);
    engine.start();
    await keeper.ready();
    expect(keeper.standing()).toMatchObject({ kind: 'unknown', unheld: true });
    expect(engine.snapshot()).toMatchObject({
      state: 'standby',
      summary: 'Em espera: a posse do banco não pôde ser verificada: ORA-12170: TNS: tempo esgotado',
      detailRef: { key: 'engineState.leaseUnverified', params: { reason: 'ORA-12170: TNS: tempo esgotado' } },
    });
    await expect(engine.run({ branch: '1', job: 'stock' }, 'manual')).rejects.toMatchObject({
      code: 'engine_standby',
      messageRef: { key: 'engine.leaseUnverified' },
    });
    expect(runs).toEqual([]);
    expect(ran).not.toHaveBeenCalled();

    await keeper.look(); // the next renewal wins
    expect(keeper.standing().kind).toBe('held');
    expect(engine.snapshot().state).toBe('running');
    const result = await engine.run({ branch: '1', job: 'stock' }, 'manual');
    expect(result.started).toHaveLength(1);
    await vi.waitFor(() => expect(ran).toHaveBeenCalledTimes(1));
    await engine.stop();
    await keeper.stop();
  });

  it('after a schema suspension freed the row, a failing claim keeps the engine away; a held one still runs on a failed renewal', async () => {
    const { engine, keeper } = engineWithKeeper([
      won(),
      new Error('pool esgotado'), // a renewal of a held lease: it keeps running until stale
      new Error('ORA-03113'), // the claim after the schema suspension freed the row
    ]);
    engine.start();
    await keeper.ready();
    expect(engine.snapshot().state).toBe('running');
    await keeper.look();
    expect(keeper.standing()).toEqual({ kind: 'unknown', reason: 'pool esgotado' });
    expect(engine.snapshot().state).toBe('running');
    engine.setSchemaHold('owner');
    engine.pause();
    await keeper.settled();
    engine.resume(); // resumed by hand: it claims again, and that claim fails
    await vi.waitFor(() => expect(keeper.standing()).toMatchObject({ kind: 'unknown', unheld: true }));
    expect(engine.snapshot().state).toBe('standby');
    await engine.stop();
    await keeper.stop();
  });

  it('no lease table (a null claim: tables before version 8) still runs as before', async () => {
    const { engine, keeper } = engineWithKeeper([null]);
    engine.start();
    await keeper.ready();
    expect(keeper.standing()).toEqual({ kind: 'unknown', reason: 'sem tabela' });
    expect(engine.snapshot().state).toBe('running');
    await engine.stop();
    await keeper.stop();
  });
});
