import { z } from 'zod';
import { defineMethod } from './define';
import { RunSummary } from './sync-methods';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Where a page of logs starts: below this line (time, then id), newest first. */
export const LogCursor = z.object({ at: z.string(), id: z.number().int() });

const isoDate = (label: string) =>
  z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
    error: `${label}: informe data e hora válidas (ex.: 2026-12-05T10:00).`,
    params: { key: 'validation.dateTime' },
  });

/** Monitorar → Logs: the filters (every one optional). */
export const LogFilterInput = z
  .object({
    branch: z.string().max(2).optional(),
    entity: z.string().max(20).optional(),
    level: z.enum(LOG_LEVELS).optional(),
    runId: z.number().int().positive().optional(),
    from: isoDate('Período (de)').optional(),
    to: isoDate('Período (até)').optional(),
    text: z.string().max(200, { error: 'Texto: use no máximo 200 caracteres.' }).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to), {
    path: ['to'],
    error: 'Período: a data final é anterior à inicial; troque as datas.',
    params: { key: 'validation.periodOrder' },
  });
export type LogFilterInput = z.infer<typeof LogFilterInput>;

export const LogLineDto = z.object({
  id: z.number(),
  at: z.string(),
  level: z.enum(LOG_LEVELS),
  branch: z.string().nullable(),
  entity: z.string().nullable(),
  runId: z.number().nullable(),
  message: z.string(),
});
export type LogLineDto = z.infer<typeof LogLineDto>;

export const LogPageDto = z.object({
  lines: z.array(LogLineDto),
  /** Where the next page starts; null when nothing older matches. */
  next: LogCursor.nullable(),
  /** A text filter read its share of lines before filling the page: older ones may still match. */
  partial: z.boolean(),
});
export type LogPageDto = z.infer<typeof LogPageDto>;

export const logsMethods = {
  'logs.list': defineMethod({
    summary:
      'Monitorar → Logs: uma página de linhas (mais novas primeiro), com filtros de período, filial, tarefa, nível, execução e texto.',
    input: z
      .object({
        filter: LogFilterInput.default({}),
        before: LogCursor.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: LogPageDto,
  }),
  'logs.get': defineMethod({
    summary: 'Detalhes de uma linha de log: a execução, o item e a resposta da loja (sem segredos).',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({
      line: LogLineDto,
      /** The line's details as JSON, secrets replaced by ••••. */
      details: z.unknown().nullable(),
      run: RunSummary.nullable(),
    }),
  }),
  'logs.export': defineMethod({
    summary: 'Exporta em CSV as linhas do filtro (no máximo 100 mil; a resposta diz se cortou).',
    input: z.object({ filter: LogFilterInput.default({}) }).strict(),
    output: z.object({
      fileName: z.string(),
      content: z.string(),
      rows: z.number(),
      /** More lines matched than the export takes. */
      truncated: z.boolean(),
    }),
  }),
};
