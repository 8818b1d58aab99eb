import type { Settings } from '../contract';
import { storeTokenTarget } from '../contract/secret-targets';
import type { FirstSyncHold } from '../engine/setup/first-sync-hold';
import { storeHasCatalogue, type DbSession } from '../winthor';
import { storeKeyOf } from './engine-ports';
import type { SetupMarksStore } from './setup-marks-file';

export interface FirstSyncHoldSources {
  settings(): Settings;
  marks: SetupMarksStore;
  /** Runs a read on the WinThor database (DatabaseService.use). */
  read<T>(work: (db: DbSession) => Promise<T>): Promise<T>;
  /** A mark changed: the guide measures again and the engine releases what waited. */
  changed(): void;
}

/**
 * The runtime's answer to "does this branch's catalogue wait for its first sync?" (ADR 0406), always for the
 * branch's CURRENT store: a person started it for that store (mark of the data folder), or that store already
 * holds categories or products the engine sent (WTC_STORE_BINDING). Seeing the preview does not release it.
 * A store known to hold the catalogue is remembered, so a working installation reads the database once.
 */
export const firstSyncHold = (sources: FirstSyncHoldSources): FirstSyncHold => {
  const synced = new Set<string>();
  const storeOf = (branch: string): { url: string; target: string } | null => {
    const saved = sources.settings().branches.find((candidate) => candidate.code === branch);
    return saved ? { url: saved.store.url, target: storeTokenTarget(saved.store.url) } : null;
  };
  return {
    isHeld: async (branch) => {
      const store = storeOf(branch);
      if (!store) return false;
      const key = `${branch}|${store.target}`;
      if (synced.has(key)) return false;
      if (sources.marks.read().firstSyncStarted[branch] === store.target) return false;
      const catalogue = await sources.read((db) => storeHasCatalogue(db, storeKeyOf(store.url)));
      if (catalogue) synced.add(key);
      return !catalogue;
    },
    startedByHand: (branch) => {
      const store = storeOf(branch);
      if (!store) return;
      const before = sources.marks.read().firstSyncStarted[branch];
      sources.marks.mark('firstSyncStarted', branch, store.target);
      if (before !== store.target) sources.changed();
    },
  };
};
