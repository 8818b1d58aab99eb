import { afterEach, describe, expect, it, vi } from 'vitest';
import { Branch, defaultSettings, type ScheduleJob, type Settings } from '../../contract';
import { Scheduler } from './scheduler';

const schedulers: Scheduler[] = [];
afterEach(() => {
  for (const scheduler of schedulers.splice(0)) scheduler.stop();
  vi.useRealTimers();
});

const settingsWith = (schedules: Branch['schedules']): Settings => ({
  ...defaultSettings(),
  branches: [Branch.parse({ code: '1', schedules })],
});

const make = (settings: Settings, lastStart: Date | null) => {
  const fired: Array<[string, ScheduleJob]> = [];
  const scheduler = new Scheduler({
    settings: () => settings,
    now: () => new Date(),
    lastStart: async () => lastStart,
    fire: (branch, job) => void fired.push([branch, job]),
    onError: (message) => {
      throw new Error(message);
    },
  });
  schedulers.push(scheduler);
  return { scheduler, fired };
};

const stock = {
  id: 's',
  job: 'stock' as const,
  enabled: true,
  every: 10,
  unit: 'minutes' as const,
  cron: '',
};

describe('Scheduler (node-schedule)', () => {
  it('after a restart, a run missed long ago runs once at once; then every interval', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T10:00:00') });
    const { scheduler, fired } = make(settingsWith([stock]), new Date('2026-12-01T10:00:00'));
    await scheduler.sync();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fired).toEqual([['1', 'stock']]);
    expect(scheduler.nextRun('1', 's')).toEqual(new Date('2026-12-05T10:10:00.050'));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fired).toHaveLength(2);
  });

  it('a recent run waits for its interval; a disabled schedule or branch never fires', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T10:00:00') });
    const settings = settingsWith([stock, { ...stock, id: 'off', job: 'prices', enabled: false }]);
    const { scheduler, fired } = make(settings, new Date('2026-12-05T09:55:00'));
    await scheduler.sync();
    expect(scheduler.nextRun('1', 's')).toEqual(new Date('2026-12-05T10:05:00'));
    expect(scheduler.nextRun('1', 'off')).toBeNull();
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fired).toEqual([['1', 'stock']]);
    settings.branches[0]!.enabled = false;
    await scheduler.sync();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fired).toHaveLength(1);
  });

  it('pause cancels every timer; resume plans them again; a changed interval is re-planned', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T10:00:00') });
    const settings = settingsWith([stock]);
    const { scheduler, fired } = make(settings, new Date('2026-12-05T09:59:00'));
    await scheduler.sync();
    scheduler.pause();
    expect(scheduler.nextRun('1', 's')).toBeNull();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fired).toEqual([]);
    await scheduler.resume();
    expect(scheduler.nextRun('1', 's')).not.toBeNull();
    settings.branches[0]!.schedules = [{ ...stock, every: 1, unit: 'hours' }];
    await scheduler.sync();
    expect(scheduler.nextRun('1', 's')!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000 - 3_600_000);
  });

  it('a cron expression gives the next time from the expression', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T10:00:00') });
    const { scheduler } = make(settingsWith([{ ...stock, cron: '30 3 * * *' }]), null);
    await scheduler.sync();
    expect(scheduler.nextRun('1', 's')).toEqual(new Date('2026-12-06T03:30:00'));
  });
});

describe('Scheduler when things go wrong', () => {
  it('plans again a minute later when the last runs cannot be read (database not up yet)', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T10:00:00') });
    let up = false;
    const fired: string[] = [];
    const errors: string[] = [];
    const scheduler = new Scheduler({
      settings: () => settingsWith([stock]),
      now: () => new Date(),
      lastStart: async () => {
        if (!up) throw new Error('ORA-12541: sem listener');
        return null;
      },
      fire: (_branch, job) => void fired.push(job),
      onError: (message) => void errors.push(message),
    });
    schedulers.push(scheduler);
    await scheduler.sync();
    expect(errors[0]).toContain('ORA-12541');
    expect(scheduler.nextRun('1', 's')).toBeNull();
    up = true;
    await vi.advanceTimersByTimeAsync(61_000);
    expect(fired).toEqual(['stock']);
  });

  it('a pause while planning leaves no timer behind', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T10:00:00') });
    const fired: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const scheduler = new Scheduler({
      settings: () => settingsWith([stock, { ...stock, id: 't', job: 'prices' }]),
      now: () => new Date(),
      lastStart: async () => {
        await gate;
        return null;
      },
      fire: (_branch, job) => void fired.push(job),
      onError: () => {},
    });
    schedulers.push(scheduler);
    const planning = scheduler.sync();
    scheduler.pause();
    release();
    await planning;
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fired).toEqual([]);
    expect([...scheduler.nextRuns().values()].filter((at) => at !== null)).toEqual([]);
  });
});
