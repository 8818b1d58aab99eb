import type { LogFilterInput, LogLineDto } from '../../contract';
import { logsToCsv } from '../../engine/monitoring/log-csv';
import { redactDetails } from '../../engine/monitoring/redact';
import { toRunSummary } from '../../engine/overview';
import { AppError } from '../../shared/app-error';
import { getLog, getRun, listLogs, mapDbError, type LogFilter, type LogRecord } from '../../winthor';
import type { DatabaseService } from '../../winthor/database-service';
import type { HandlerGroup } from '../handlers';

/** Most lines one CSV export takes (the answer says when the filter matched more). */
export const EXPORT_MAX_ROWS = 100_000;

export const toLogFilter = (filter: LogFilterInput): LogFilter => ({
  ...(filter.branch ? { branch: filter.branch } : {}),
  ...(filter.entity ? { entity: filter.entity } : {}),
  ...(filter.level ? { level: filter.level } : {}),
  ...(filter.runId !== undefined ? { runId: filter.runId } : {}),
  ...(filter.from ? { from: new Date(filter.from) } : {}),
  ...(filter.to ? { to: new Date(filter.to) } : {}),
  ...(filter.text?.trim() ? { text: filter.text } : {}),
});

export const toLogLine = (line: LogRecord): LogLineDto => ({
  id: line.id ?? 0,
  at: line.at.toISOString(),
  level: line.level,
  branch: line.branch,
  entity: line.entity,
  runId: line.runId,
  message: line.message,
});

/** A database failure as the screens show it (pt-BR, with the fix). */
export const readingFailed = (error: unknown): never => {
  throw error instanceof AppError ? error : mapDbError(error);
};

const stamp = (date: Date) => date.toISOString().slice(0, 16).replace(/[-:T]/g, '');

/** Monitorar → Logs: pages, one line's details, the CSV export. */
export const logsHandlers = (
  database: DatabaseService,
  now: () => Date,
): HandlerGroup<'logs.list' | 'logs.get' | 'logs.export'> => ({
  'logs.list': async ({ filter, before, limit }) => {
    const page = await database
      .use((db) =>
        listLogs(db, toLogFilter(filter), {
          limit,
          ...(before ? { before: { at: new Date(before.at), id: before.id } } : {}),
        }),
      )
      .catch(readingFailed);
    return {
      lines: page.lines.map(toLogLine),
      next: page.next ? { at: page.next.at.toISOString(), id: page.next.id } : null,
      partial: page.partial,
    };
  },
  'logs.get': async ({ id }) => {
    const found = await database
      .use(async (db) => {
        const line = await getLog(db, id);
        const run = line?.runId ? await getRun(db, line.runId) : undefined;
        return { line, run };
      })
      .catch(readingFailed);
    if (!found.line) {
      throw new AppError(
        'log_not_found',
        `A linha de log ${id} não existe mais (a retenção pode tê-la apagado).`,
        {
          field: 'id',
          fix: 'Atualize a lista de logs.',
          messageRef: { key: 'logs.notFound', params: { id } },
        },
      );
    }
    return {
      line: toLogLine(found.line),
      details: redactDetails(found.line.details),
      run: found.run ? toRunSummary(found.run) : null,
    };
  },
  'logs.export': async ({ filter }) => {
    const lines: LogRecord[] = [];
    let truncated = false;
    await database
      .use(async (db) => {
        let before: { at: Date; id: number } | undefined;
        for (;;) {
          const page = await listLogs(db, toLogFilter(filter), {
            limit: Math.min(5000, EXPORT_MAX_ROWS - lines.length),
            ...(before ? { before } : {}),
          });
          lines.push(...page.lines);
          if (!page.next) return;
          if (lines.length >= EXPORT_MAX_ROWS) {
            truncated = true;
            return;
          }
          before = page.next;
        }
      })
      .catch(readingFailed);
    return {
      fileName: `logs-integrador-${stamp(now())}.csv`,
      content: logsToCsv(lines),
      rows: lines.length,
      truncated,
    };
  },
});
