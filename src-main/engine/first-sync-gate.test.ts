import { describe, expect, it, vi } from 'vitest';
import type { ScheduleJob } from '../contract';
import type { LogRecord } from '../winthor';
import { FirstSyncGate } from './first-sync-gate';

/** A gate over a hold whose answer the test sets: true, false, or a failure to read it. */
const harness = () => {
  let answer: boolean | Error = true;
  const hold = {
    isHeld: vi.fn(async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    }),
    startedByHand: vi.fn(),
  };
  const fired: string[] = [];
  const logs: Array<{ level: LogRecord['level']; message: string }> = [];
  const changed = vi.fn();
  const gate = new FirstSyncGate({
    hold,
    fire: (branch, job) => void fired.push(`${branch}:${job}`),
    log: (level, message) => void logs.push({ level, message }),
    changed,
  });
  return { gate, hold, fired, logs, changed, answer: (next: boolean | Error) => void (answer = next) };
};

describe('FirstSyncGate: the engine’s held first syncs (ADR 0406)', () => {
  it('orders, status and customers never ask; catalogue jobs of a held branch are skipped and remembered', async () => {
    const { gate, hold, changed } = harness();
    expect(await gate.mustWait('1', 'orders')).toBe(false);
    expect(hold.isHeld).not.toHaveBeenCalled();
    expect(await gate.mustWait('1', 'products')).toBe(true);
    expect(await gate.mustWait('1', 'stock')).toBe(true);
    expect(gate.heldBranches()).toEqual(['1']);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('fails closed: a branch whose hold cannot be read skips this fire (said in the log) and asks again next time', async () => {
    const { gate, answer, logs, fired } = harness();
    answer(new Error('ORA-03113'));
    expect(await gate.mustWait('1', 'products')).toBe(true);
    expect(logs).toEqual([
      {
        level: 'warn',
        message: expect.stringMatching(
          /^Filial 1: não foi possível saber .*ORA-03113.*próximo agendamento\.$/,
        ),
      },
    ]);
    expect(gate.heldBranches()).toEqual([]);
    answer(false);
    expect(await gate.mustWait('1', 'products')).toBe(false);
    expect(fired).toEqual([]);
  });

  it('a fire that finds the branch released starts the other jobs its schedules skipped, at once', async () => {
    const { gate, answer, fired } = harness();
    for (const job of ['categories', 'products', 'stock'] as ScheduleJob[]) await gate.mustWait('1', job);
    answer(false);
    expect(await gate.mustWait('1', 'products')).toBe(false);
    expect(fired.sort()).toEqual(['1:categories', '1:stock']);
    expect(gate.heldBranches()).toEqual([]);
  });

  it('recheck releases what is no longer held, and keeps held a branch whose answer cannot be read', async () => {
    const { gate, answer, fired } = harness();
    await gate.mustWait('1', 'products');
    await gate.mustWait('2', 'stock');
    answer(new Error('ORA-03113'));
    await gate.recheck();
    expect(gate.heldBranches()).toEqual(['1', '2']);
    answer(false);
    await gate.recheck();
    expect(fired.sort()).toEqual(['1:products', '2:stock']);
    expect(gate.heldBranches()).toEqual([]);
  });

  it('a catalogue job started by a person tells the hold; an order job does not', () => {
    const { gate, hold } = harness();
    gate.startedByHand('1', 'orders');
    expect(hold.startedByHand).not.toHaveBeenCalled();
    gate.startedByHand('1', 'prices');
    expect(hold.startedByHand).toHaveBeenCalledWith('1');
  });
});
