import { describe, expect, it, vi } from 'vitest';
import type { ClaimResult } from '../winthor/repositories/engine-lease-repository';
import { EngineController } from './engine-controller';
import { fakePorts } from './fake-ports.test-support';
import { LeaseKeeper, type LeasePort } from './lease/lease-keeper';
import { leaseRowOf } from './lease/lease-row.test-support';

const row = leaseRowOf;

/**
 * Ports whose runs table marks interrupted like the repository (runs "running" not in `except`), with a run
 * another engine left "running" already there (id 1), and a job that runs until `finish` is called.
 */
const setup = (answers: Array<ClaimResult | Error | null>) => {
  const { ports, runs } = fakePorts();
  runs.push({
    id: 1,
    job: 'prices',
    branch: '1',
    trigger: 'schedule',
    startedAt: new Date(),
    finishedAt: null,
    status: 'running',
    counts: {},
    message: null,
  });
  const marked = vi.fn(async (_at: Date, except: readonly number[] = []) => {
    const hit = runs.filter((run) => run.status === 'running' && !except.includes(run.id));
    for (const run of hit) run.status = 'interrupted';
    return hit.length;
  });
  ports.runs.markInterrupted = marked;
  const port: LeasePort = {
    claim: async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next ?? null;
    },
    release: async () => {},
  };
  // eslint-disable-next-line prefer-const -- the keeper's changes go to the engine built with it
  let engine: EngineController;
  const keeper = new LeaseKeeper(port, { onChange: (standing) => engine.setLease(standing) });
  let finish!: () => void;
  const blocked = new Promise<void>((done) => (finish = done));
  engine = new EngineController({
    ports,
    jobs: { stock: () => blocked },
    leaseSettled: () => keeper.ready(),
    onLeaseSuspended: (s) => void keeper.suspend(s),
  });
  return { engine, keeper, runs, marked, finish: () => finish() };
};

const statusOf = (runs: Array<{ id: number; status: string }>, id: number) =>
  runs.find((run) => run.id === id)?.status;

describe("runs marked interrupted: decided from the lease row, never this engine's own (ADR 0314)", () => {
  it("unknown at start (row free), a job of its own running, then held: only the other engine's run is marked", async () => {
    const { engine, keeper, runs, marked, finish } = setup([
      { won: false, row: null }, // freed between the UPDATE and the read: unknown ("livre"), it runs
      { won: true, row: row('eu') },
    ]);
    engine.start();
    await keeper.ready();
    expect(keeper.standing()).toEqual({ kind: 'unknown', reason: 'livre' });
    await engine.run({ branch: '1', job: 'stock' }, 'manual');
    const own = runs.find((run) => run.job === 'stock')!;
    expect(own.status).toBe('running');
    await keeper.look();
    expect(keeper.standing().kind).toBe('held');
    await vi.waitFor(() => expect(marked).toHaveBeenCalledTimes(1));
    expect(marked.mock.calls[0]![1]).toEqual([own.id]);
    expect(statusOf(runs, 1)).toBe('interrupted');
    expect(statusOf(runs, own.id)).toBe('running');
    finish();
    await engine.stop();
    await keeper.stop();
  });

  it("after a schema suspension, a claim that wins a crashed engine's expired row marks its runs", async () => {
    const { engine, keeper, runs, marked } = setup([
      { won: true, row: row('eu') },
      { won: true, row: row('eu'), replaced: 'morto' }, // the row named a crashed engine, expired meanwhile
    ]);
    engine.start();
    await keeper.ready();
    await vi.waitFor(() => expect(marked).toHaveBeenCalledTimes(1)); // at start
    // The crashed engine's run: it took the database while the schema check held this one, then died.
    runs.push({ ...runs[0]!, id: 99, status: 'running', finishedAt: null });
    engine.setSchemaHold('owner');
    engine.pause();
    await keeper.settled();
    engine.setSchemaHold(null); // the tables updated: resumed, claimed again
    engine.resume();
    await vi.waitFor(() => expect(keeper.standing()).toMatchObject({ kind: 'held', replaced: 'morto' }));
    await vi.waitFor(() => expect(marked).toHaveBeenCalledTimes(2));
    expect(statusOf(runs, 99)).toBe('interrupted');
    await keeper.look(); // a plain renewal: nothing more marked
    expect(marked).toHaveBeenCalledTimes(2);
    await engine.stop();
    await keeper.stop();
  });
});
