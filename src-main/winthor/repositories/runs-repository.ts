import type { RUN_STATUSES, RUN_TRIGGERS } from '../../contract';
import type { Binds, DbSession } from '../db/db';
import { insertWithId } from './insert-with-id';
import { fit, toNumber, toOptionalDate, toOptionalText, toText } from './sql-helpers';

export type RunStatus = (typeof RUN_STATUSES)[number];
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** One run of a job for a branch (WTC_RUN). Counts travel as JSON: new counters need no DDL. */
export interface RunRecord {
  id: number;
  job: string;
  branch: string;
  trigger: RunTrigger;
  startedAt: Date;
  finishedAt: Date | null;
  status: RunStatus;
  counts: Record<string, number>;
  message: string | null;
}

const COLUMNS = `WTC_RUN.ID, WTC_RUN.JOB, WTC_RUN.BRANCH, WTC_RUN.TRIGGER_KIND, WTC_RUN.STARTED_AT,
  WTC_RUN.FINISHED_AT, WTC_RUN.STATUS, WTC_RUN.COUNTS, WTC_RUN.MESSAGE`;

const parseCounts = (text: string | null): Record<string, number> => {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(value).filter(([, n]) => typeof n === 'number')) as Record<
      string,
      number
    >;
  } catch {
    return {};
  }
};

const toRun = (row: Record<string, unknown>): RunRecord => ({
  id: toNumber(row.ID),
  job: toText(row.JOB),
  branch: toText(row.BRANCH),
  trigger: toText(row.TRIGGER_KIND) as RunTrigger,
  startedAt: toOptionalDate(row.STARTED_AT) ?? new Date(0),
  finishedAt: toOptionalDate(row.FINISHED_AT),
  status: toText(row.STATUS) as RunStatus,
  counts: parseCounts(toOptionalText(row.COUNTS)),
  message: toOptionalText(row.MESSAGE),
});

export const startRun = (
  db: DbSession,
  run: { job: string; branch: string; trigger: RunTrigger; startedAt: Date },
): Promise<number> =>
  insertWithId(db, 'WTC_RUN', {
    JOB: run.job,
    BRANCH: run.branch,
    TRIGGER_KIND: run.trigger,
    STARTED_AT: run.startedAt,
    STATUS: 'running',
  });

export const finishRun = async (
  db: DbSession,
  id: number,
  result: { status: RunStatus; finishedAt: Date; counts: Record<string, number>; message: string | null },
): Promise<void> => {
  await db.execute(
    `UPDATE WTC_RUN SET STATUS = :status, FINISHED_AT = :finished_at, COUNTS = :counts, MESSAGE = :message
      WHERE WTC_RUN.ID = :id`,
    {
      id,
      status: result.status,
      finished_at: result.finishedAt,
      counts: fit(JSON.stringify(result.counts), 1000),
      message: fit(result.message, 4000),
    },
  );
};

/**
 * Runs still marked running when the app starts (or takes the lease from another engine) were cut by a crash
 * or a stop: say so, do not pretend. `except`: this engine's own runs still under way, never marked.
 */
export const markInterruptedRuns = async (
  db: DbSession,
  at: Date,
  except: readonly number[] = [],
): Promise<number> => {
  const binds: Binds = { finished_at: at };
  except.forEach((id, index) => (binds[`own_${index}`] = id));
  const own = except.length
    ? ` AND WTC_RUN.ID NOT IN (${except.map((_id, index) => `:own_${index}`).join(', ')})`
    : '';
  const result = await db.execute(
    `UPDATE WTC_RUN SET STATUS = 'interrupted', FINISHED_AT = :finished_at,
       MESSAGE = 'Execução interrompida (o integrador foi encerrado durante a execução).'
      WHERE WTC_RUN.STATUS = 'running'${own}`,
    binds,
  );
  return result.rowsAffected;
};

/** The latest run of each job of a branch (for the Painel and the Agendamento list). */
export const latestRuns = async (db: DbSession, branch: string): Promise<RunRecord[]> => {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM WTC_RUN
      WHERE WTC_RUN.BRANCH = :branch
        AND WTC_RUN.ID = (SELECT MAX(R2.ID) FROM WTC_RUN R2 WHERE R2.BRANCH = WTC_RUN.BRANCH AND R2.JOB = WTC_RUN.JOB)
      ORDER BY WTC_RUN.JOB`,
    { branch },
  );
  return rows.map(toRun);
};

/** The latest finished run of a job that started the work (for "missed runs run once" after a restart). */
export const lastStartOf = async (db: DbSession, branch: string, job: string): Promise<Date | null> => {
  const row = await db.queryOne(
    `SELECT MAX(WTC_RUN.STARTED_AT) AS STARTED_AT FROM WTC_RUN WHERE WTC_RUN.BRANCH = :branch AND WTC_RUN.JOB = :job`,
    { branch, job },
  );
  return toOptionalDate(row?.STARTED_AT);
};

export const getRun = async (db: DbSession, id: number): Promise<RunRecord | undefined> => {
  const row = await db.queryOne(`SELECT ${COLUMNS} FROM WTC_RUN WHERE WTC_RUN.ID = :id`, { id });
  return row ? toRun(row) : undefined;
};

/** Recent runs, newest first (keyset paging by ID). */
export const listRuns = async (
  db: DbSession,
  filter: { branch?: string; job?: string; beforeId?: number; limit?: number } = {},
): Promise<RunRecord[]> => {
  const where = ['WTC_RUN.ID < :before_id'];
  const binds: Record<string, string | number> = {
    before_id: filter.beforeId ?? Number.MAX_SAFE_INTEGER,
    row_limit: filter.limit ?? 50,
  };
  if (filter.branch) {
    where.push('WTC_RUN.BRANCH = :branch');
    binds.branch = filter.branch;
  }
  if (filter.job) {
    where.push('WTC_RUN.JOB = :job');
    binds.job = filter.job;
  }
  const rows = await db.query(
    db.dialect.limit(`SELECT ${COLUMNS} FROM WTC_RUN WHERE ${where.join(' AND ')} ORDER BY WTC_RUN.ID DESC`),
    binds,
  );
  return rows.map(toRun);
};

/** Runs started since `since` (all branches, or one), oldest first: the Painel's activity per hour. */
export const runsSince = async (db: DbSession, since: Date, branch?: string): Promise<RunRecord[]> => {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM WTC_RUN WHERE WTC_RUN.STARTED_AT >= :since
       ${branch ? 'AND WTC_RUN.BRANCH = :branch' : ''} ORDER BY WTC_RUN.ID`,
    { since, ...(branch ? { branch } : {}) },
  );
  return rows.map(toRun);
};

/**
 * Does this store already hold categories or products the engine sent (ADR 0406)? Read per store, not per
 * branch: a branch moved to a new, empty store has its first sync again. The bindings survive the runs'
 * retention, so an upgraded installation or restored settings on a new data folder are known as synced.
 */
export const storeHasCatalogue = async (db: DbSession, storeKey: string): Promise<boolean> => {
  const bound = await db.query(
    db.dialect.limit(
      `SELECT WTC_STORE_BINDING.ID FROM WTC_STORE_BINDING
        WHERE WTC_STORE_BINDING.STORE_KEY = :store_key AND WTC_STORE_BINDING.ENTITY IN ('category', 'product')
        ORDER BY WTC_STORE_BINDING.ID`,
    ),
    { store_key: storeKey, row_limit: 1 },
  );
  return bound.length > 0;
};
