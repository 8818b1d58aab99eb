import type { Settings } from '../contract';
import { storeTokenTarget } from '../contract/secret-targets';
import { catalogueHeld, HELD_UNTIL_PREVIEW, type FirstSyncHold } from '../engine/setup/first-sync-hold';
import { catalogueSynced, type DbSession } from '../winthor';
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
 * The runtime's answer to "does this branch's catalogue wait for its first-sync preview?" (ADR 0406): from
 * the marks of the data folder (preview seen, started by hand — for the branch's current store) and the
 * database (a catalogue run that ended well, or bindings of its store). Once synced, a branch is remembered.
 */
export const firstSyncHold = (sources: FirstSyncHoldSources): FirstSyncHold => {
  const synced = new Set<string>();
  const targetOf = (branch: string): string | null => {
    const saved = sources.settings().branches.find((candidate) => candidate.code === branch);
    return saved ? storeTokenTarget(saved.store.url) : null;
  };
  return {
    isHeld: async (branch) => {
      const saved = sources.settings().branches.find((candidate) => candidate.code === branch);
      if (!saved) return false;
      const target = storeTokenTarget(saved.store.url);
      const key = `${branch}|${target}`;
      if (synced.has(key)) return false;
      const marks = sources.marks.read();
      const previewSeen = marks.previewSeen[branch] === target;
      const startedByHand = marks.firstSyncStarted[branch] === target;
      if (previewSeen || startedByHand) return false;
      const catalogue = await sources.read((db) =>
        catalogueSynced(db, branch, storeKeyOf(saved.store.url), [...HELD_UNTIL_PREVIEW]),
      );
      if (catalogue) synced.add(key);
      return catalogueHeld({ catalogueSynced: catalogue, previewSeen, startedByHand });
    },
    startedByHand: (branch) => {
      const target = targetOf(branch);
      if (target === null) return;
      const before = sources.marks.read().firstSyncStarted[branch];
      sources.marks.mark('firstSyncStarted', branch, target);
      if (before !== target) sources.changed();
    },
  };
};
