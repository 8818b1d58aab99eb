import {
  messageRef,
  type MessageRef,
  type PendingFilterInput,
  type ScheduleJob,
  type SyncRunResult,
} from '../../contract';
import type { EngineController } from '../../engine/engine-controller';
import { jobOfEntity } from '../../engine/monitoring/entity-jobs';
import { toPendingDto } from '../../engine/monitoring/pending-view';
import {
  confirmedOf,
  decisionText,
  importAnywayRefusal,
  resembledOrder,
  sameConfirmed,
  type ImportAnywayRefusal,
} from '../../engine/orders/import-anyway';
import { AppError } from '../../shared/app-error';
import {
  getPending,
  groupPendings,
  ignorePendings,
  listPendingEvents,
  listPendings,
  findWaitingStoreOrders,
  numpedsOf,
  recordImportAnyway,
  retryPendings,
  type Db,
  type PendingFilter,
  type PendingRecord,
} from '../../winthor';
import type { DatabaseService } from '../../winthor/database-service';
import type { HandlerGroup } from '../handlers';
import { actorOf } from './call-actor';
import { readingFailed } from './logs-handlers';

export const toPendingFilter = (filter: PendingFilterInput): PendingFilter => ({
  ...(filter.branch ? { branch: filter.branch } : {}),
  ...(filter.entity ? { entity: filter.entity } : {}),
  ...(filter.kind ? { kind: filter.kind } : {}),
  ...(filter.status ? { status: filter.status } : {}),
  ...(filter.from ? { from: new Date(filter.from) } : {}),
  ...(filter.to ? { to: new Date(filter.to) } : {}),
  ...(filter.text?.trim() ? { text: filter.text } : {}),
});

/** NUMPED of the orders among these pendências, when the order import already knows it (never fails the page). */
const numpedsFor = async (db: Db, pendings: readonly PendingRecord[]): Promise<Map<string, number>> => {
  const orders = pendings.filter((p) => p.entity === 'order').map((p) => p.erpKey);
  if (orders.length === 0) return new Map();
  return numpedsOf(db, orders).catch(() => new Map<string, number>());
};

const notFound = (id: number): AppError =>
  new AppError(
    'pending_not_found',
    `A pendência ${id} não existe mais (resolvida e apagada pela retenção).`,
    {
      field: 'id',
      fix: 'Atualize a lista de pendências.',
      messageRef: { key: 'pendings.notFound', params: { id } },
    },
  );

const REFUSALS: Record<ImportAnywayRefusal, { message: string; fix: string }> = {
  not_an_order: {
    message: 'só uma pendência de pedido pode ser importada mesmo assim.',
    fix: 'Use "Importar mesmo assim" numa pendência "Possível pedido duplicado".',
  },
  not_a_duplicate: {
    message: 'só um possível pedido duplicado pode ser importado mesmo assim.',
    fix: 'Corrija o problema que a pendência descreve e use "Tentar de novo".',
  },
  resolved: {
    message: 'ela não está mais aberta (o pedido já foi importado ou o problema mudou).',
    fix: 'Atualize a lista de pendências.',
  },
  changed: {
    message: 'o pedido parecido mudou desde que a pendência foi mostrada (a proteção encontrou outro).',
    fix: 'Atualize a lista de pendências, confira o pedido que ela cita agora e decida de novo.',
  },
  no_record: {
    message: 'o pedido não está aguardando importação nesta filial (ou aguarda em mais de um registro).',
    fix: 'Atualize a lista de pendências; se ela continuar aberta, use "Tentar de novo" e decida depois.',
  },
};

const refused = (id: number, refusal: ImportAnywayRefusal): AppError =>
  new AppError('pending_not_importable', `Pendência ${id}: ${REFUSALS[refusal].message}`, {
    field: 'id',
    fix: REFUSALS[refusal].fix,
    messageRef: { key: `pendings.importAnyway_${refusal}`, params: { id } },
  });

/** A decision from an older tab or script: it does not say which copy the operator confirmed (ADR 0219). */
const outdatedDecision = (id: number): AppError =>
  new AppError(
    'pending_not_importable',
    `Pendência ${id}: esta decisão veio de uma tela anterior do integrador e não diz qual pedido parecido foi conferido (resembles).`,
    {
      field: 'resembles',
      fix: 'Recarregue a página e decida de novo.',
      messageRef: { key: 'pendings.importAnyway_outdated', params: { id } },
      fixRef: { key: 'pendings.importAnyway_outdatedFix' },
    },
  );

/** The engine's refusals that only mean "not now" (engine/engine-refusals.ts). */
const NOT_NOW = new Set(['engine_awaiting_setup', 'engine_standby']);

/** Starts the job of each (branch, entity) retried; says why when none could start now. */
const startJobs = async (
  engine: EngineController,
  touched: ReadonlyArray<{ branch: string; entity: string }>,
): Promise<{ runs: SyncRunResult; note: string | null; noteRef: MessageRef | null }> => {
  const runs: SyncRunResult = { started: [], alreadyRunning: [], refused: [] };
  const wanted = new Map<string, { branch: string; job: ScheduleJob }>();
  for (const item of touched) {
    const job = jobOfEntity(item.entity);
    if (job) wanted.set(`${item.branch}|${job}`, { branch: item.branch, job });
  }
  try {
    for (const { branch, job } of wanted.values()) {
      const result = await engine.run({ branch, job }, 'manual');
      runs.started.push(...result.started);
      runs.alreadyRunning.push(...result.alreadyRunning);
      runs.refused.push(...result.refused);
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'engine_paused') {
      return {
        runs,
        note: 'O integrador está pausado: as pendências ficaram marcadas para agora e serão tentadas assim que ele for retomado.',
        noteRef: messageRef('pendings.retryPaused'),
      };
    }
    // Nothing can run yet (setup not finished, another instance holds the lease): what was asked is already
    // written, so the answer says so instead of failing (ADR 0219: a recorded decision is never an error).
    if (error instanceof AppError && NOT_NOW.has(error.code)) {
      return {
        runs,
        note: `As pendências ficaram marcadas para agora; a tarefa não começou: ${error.message}`,
        noteRef: messageRef('pendings.retryRefused', { reason: error.message }),
      };
    }
    throw error;
  }
  if (runs.started.length + runs.alreadyRunning.length === 0 && runs.refused.length > 0) {
    return {
      runs,
      note: `As pendências ficaram marcadas para agora; a tarefa não começou: ${runs.refused.map((r) => r.message).join(' ')}`,
      noteRef: messageRef('pendings.retryRefused', { reason: runs.refused.map((r) => r.message).join(' ') }),
    };
  }
  return { runs, note: null, noteRef: null };
};

/** Monitorar → Pendências: pages, groups, retry, ignore, history. */
export const pendingsHandlers = (
  database: DatabaseService,
  engine: EngineController,
  now: () => Date,
): HandlerGroup<
  | 'pendings.list'
  | 'pendings.groups'
  | 'pendings.retry'
  | 'pendings.ignore'
  | 'pendings.importAnyway'
  | 'pendings.history'
> => ({
  'pendings.list': async ({ filter, beforeId, limit }) =>
    database
      .use(async (db) => {
        const rows = await listPendings(db, {
          ...toPendingFilter(filter),
          ...(beforeId !== undefined ? { beforeId } : {}),
          limit: limit + 1,
        });
        const page = rows.slice(0, limit);
        const numpeds = await numpedsFor(db, page);
        return {
          items: page.map((p) => toPendingDto(p, numpeds.get(`${p.branch}|${p.erpKey}`) ?? null)),
          nextBeforeId: rows.length > limit ? page.at(-1)!.id : null,
        };
      })
      .catch(readingFailed),
  'pendings.groups': async ({ filter }) => {
    const groups = await database
      .use((db) => groupPendings(db, toPendingFilter(filter)))
      .catch(readingFailed);
    return { groups, total: groups.reduce((sum, g) => sum + g.count, 0) };
  },
  'pendings.retry': async (input, context) => {
    const selection: PendingFilter = 'ids' in input ? { ids: input.ids } : toPendingFilter(input.group);
    const touched = await database
      .use((db) => db.transaction((tx) => retryPendings(tx, selection, now(), actorOf(context))))
      .catch(readingFailed);
    return { retried: touched.length, ...(await startJobs(engine, touched)) };
  },
  'pendings.ignore': async ({ ids, reason }, context) => {
    const touched = await database
      .use((db) => db.transaction((tx) => ignorePendings(tx, { ids }, reason, now(), actorOf(context))))
      .catch(readingFailed);
    return { ignored: touched.length };
  },
  'pendings.importAnyway': async ({ id, resembles }, context) => {
    if (!resembles) throw outdatedDecision(id);
    const decided = await database
      .use((db) =>
        db.transaction(async (tx) => {
          const pending = await getPending(tx, id);
          if (!pending) throw notFound(id);
          const refusal = importAnywayRefusal(pending);
          if (refusal) throw refused(id, refusal);
          // What the operator was shown must still be what the pendência names (ADR 0219).
          if (!sameConfirmed(confirmedOf(pending.params), resembles)) throw refused(id, 'changed');
          // The decision is about the one record held (ADR 0114), not every record of this order id.
          const waiting = await findWaitingStoreOrders(tx, pending.branch, pending.erpKey);
          if (waiting.length !== 1) throw refused(id, 'no_record');
          const message = decisionText(pending.erpKey, resembledOrder(pending.params));
          const target = { recordId: waiting[0]!, resembles, message };
          if (!(await recordImportAnyway(tx, id, target, now(), actorOf(context))))
            throw refused(id, 'resolved');
          return pending;
        }),
      )
      .catch(readingFailed);
    const started = await startJobs(engine, [{ branch: decided.branch, entity: decided.entity }]);
    return { storeOrderId: decided.erpKey, ...started };
  },
  'pendings.history': async ({ id }) => {
    const found = await database
      .use(async (db) => {
        const pending = await getPending(db, id);
        if (!pending) return undefined;
        const numpeds = await numpedsFor(db, [pending]);
        return {
          pending: toPendingDto(pending, numpeds.get(`${pending.branch}|${pending.erpKey}`) ?? null),
          events: (await listPendingEvents(db, id)).map((event) => ({
            at: event.at.toISOString(),
            action: event.action,
            kind: event.kind,
            message: event.message,
            actor: event.actor,
          })),
        };
      })
      .catch(readingFailed);
    if (!found) throw notFound(id);
    return found;
  },
});
