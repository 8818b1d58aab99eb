import { describe, expect, it } from 'vitest';
import { CallGate } from './call-gate';
import { ManualClock } from '../shared/test-clocks.test-support';

describe('CallGate', () => {
  it('never runs more than the cap at once and runs everything', async () => {
    const gate = new CallGate(new ManualClock(), 3, 0);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const tasks = Array.from({ length: 10 }, (_, i) =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return i;
      }),
    );
    let finished = false;
    const all = Promise.all(tasks).then((values) => {
      finished = true;
      return values;
    });
    while (!finished) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(running).toBeLessThanOrEqual(3);
      releases.splice(0).forEach((release) => release());
    }
    await all;
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it('keeps the minimum interval between call starts', async () => {
    const clock = new ManualClock(0);
    const gate = new CallGate(clock, 10, 250);
    await Promise.all(Array.from({ length: 4 }, () => gate.run(async () => undefined)));
    // Started at 0 together: the first goes at once, the others wait to start at 250, 500 and 750.
    expect(clock.sleeps).toEqual([250, 500, 750]);
    clock.advance(10_000);
    await gate.run(async () => undefined);
    expect(clock.sleeps).toHaveLength(3);
  });

  it('releases its slot when a task throws', async () => {
    const gate = new CallGate(new ManualClock(), 1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
  });
});
