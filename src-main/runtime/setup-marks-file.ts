import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What the first-run guide cannot read back from WinThor or the store (ADR 0404): a store test that
 * answered OK, a test mail delivered, a first-sync preview looked at — per branch, with the target it was
 * for (the store's address, the SMTP server and user), so that changing the URL or the server opens the
 * step again. Kept in the data folder (primeiros-passos.json), written whole and renamed.
 */
export interface SetupMarks {
  storeTested: Record<string, string>;
  mailTested: Record<string, string>;
  previewSeen: Record<string, string>;
  /** A person (or the demo, ADR 0403) started the branch's first catalogue sync by hand (ADR 0406). */
  firstSyncStarted: Record<string, string>;
}

export type SetupMarkKind = keyof SetupMarks;

export interface SetupMarksStore {
  read(): SetupMarks;
  mark(kind: SetupMarkKind, branch: string, target: string): void;
}

const empty = (): SetupMarks => ({ storeTested: {}, mailTested: {}, previewSeen: {}, firstSyncStarted: {} });

export const SETUP_MARKS_FILE = 'primeiros-passos.json';

export const setupMarksFile = (dataDir: string): SetupMarksStore => {
  const file = join(dataDir, SETUP_MARKS_FILE);
  const read = (): SetupMarks => {
    try {
      return { ...empty(), ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<SetupMarks>) };
    } catch {
      return empty();
    }
  };
  return {
    read,
    mark: (kind, branch, target) => {
      const marks = read();
      if (marks[kind][branch] === target) return;
      marks[kind] = { ...marks[kind], [branch]: target };
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(marks, null, 2));
      renameSync(`${file}.tmp`, file);
    },
  };
};

/** In memory (tests, a host without a data folder). */
export const memorySetupMarks = (): SetupMarksStore => {
  const marks = empty();
  return {
    read: () => structuredClone(marks),
    mark: (kind, branch, target) => void (marks[kind][branch] = target),
  };
};
