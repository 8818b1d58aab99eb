import { describe, expect, it, vi } from 'vitest';
import { Branch, defaultSettings, type Settings } from '../contract';
import { storeTokenTarget } from '../contract/secret-targets';
import { finishRun, saveBinding, startRun } from '../winthor';
import { install } from '../winthor/schema/installer';
import { createTestWinthor } from '../winthor/test-winthor.test-support';
import { storeKeyOf } from './engine-ports';
import { firstSyncHold } from './first-sync-hold';
import { memorySetupMarks } from './setup-marks-file';

const URL_1 = 'https://loja.exemplo.com.br';
const URL_2 = 'https://loja-nova.exemplo.com.br';

/** A product the engine sent to the store at `url`. */
const bind = (db: Awaited<ReturnType<typeof createTestWinthor>>, url: string) =>
  saveBinding(db, {
    storeKey: storeKeyOf(url),
    entity: 'product',
    erpKey: '1',
    storeId: '10',
    payloadHash: 'x',
    hidden: false,
    sentAt: new Date(),
  });

/** The hold over an embedded WinThor with the integration's objects, branch 1 on a store never synced. */
const harness = async () => {
  const db = await createTestWinthor({ products: 5, customers: 1 });
  await install(db);
  const settings: Settings = {
    ...defaultSettings(),
    branches: [Branch.parse({ code: '1', store: { url: URL_1, token: 't' } })],
  };
  const marks = memorySetupMarks();
  const changed = vi.fn();
  const hold = firstSyncHold({ settings: () => settings, marks, read: (work) => work(db), changed });
  const run = async (job: 'orders' | 'products', status: 'ok' | 'failed') => {
    const id = await startRun(db, { job, branch: '1', trigger: 'schedule', startedAt: new Date() });
    await finishRun(db, id, { status, finishedAt: new Date(), counts: {}, message: null });
  };
  return { db, settings, marks, hold, changed, run };
};

describe('firstSyncHold: does a branch’s catalogue wait for its preview? (ADR 0406)', () => {
  it('a fresh branch is held; orders that ran well, or a catalogue run that failed, do not release it', async () => {
    const { hold, run } = await harness();
    expect(await hold.isHeld('1')).toBe(true);
    await run('orders', 'ok');
    await run('products', 'failed');
    expect(await hold.isHeld('1')).toBe(true);
    expect(await hold.isHeld('9')).toBe(false); // a branch not configured is never held
  });

  it('seeing the preview does not release it: only a person starting the first sync does', async () => {
    const { hold, marks, settings } = await harness();
    marks.mark('previewSeen', '1', storeTokenTarget(settings.branches[0]!.store.url));
    expect(await hold.isHeld('1')).toBe(true);
    marks.mark('firstSyncStarted', '1', storeTokenTarget('https://outra-loja.com.br'));
    expect(await hold.isHeld('1')).toBe(true);
    hold.startedByHand('1');
    expect(await hold.isHeld('1')).toBe(false);
  });

  it('released by a first sync started by hand, which asks for a new measure once', async () => {
    const { hold, changed } = await harness();
    hold.startedByHand('1');
    hold.startedByHand('1');
    expect(await hold.isHeld('1')).toBe(false);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('an installation whose store holds the catalogue is never held, and is asked once', async () => {
    // Runs purged by retention, an upgrade, or restored settings on a new data folder: the bindings remain.
    const bound = await harness();
    await bind(bound.db, URL_1);
    const read = vi.spyOn(bound.db, 'query');
    expect(await bound.hold.isHeld('1')).toBe(false);
    expect(await bound.hold.isHeld('1')).toBe(false);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('synced is per store: a branch moved to a new, empty store is held again until started by hand', async () => {
    const { db, hold, settings, run } = await harness();
    await run('products', 'ok');
    await bind(db, URL_1);
    expect(await hold.isHeld('1')).toBe(false);
    // A catalogue run of the branch that ended well was for the old store: it does not count for the new one.
    settings.branches[0] = Branch.parse({ code: '1', store: { url: URL_2, token: 't' } });
    expect(await hold.isHeld('1')).toBe(true);
    hold.startedByHand('1');
    expect(await hold.isHeld('1')).toBe(false);
    // Back on the first store: it holds the catalogue.
    settings.branches[0] = Branch.parse({ code: '1', store: { url: URL_1, token: 't' } });
    expect(await hold.isHeld('1')).toBe(false);
  });
});
