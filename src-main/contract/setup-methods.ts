import { z } from 'zod';
import { defineMethod, NoInput } from './define';
import { MessageRef } from './messages';

/**
 * The first-run guide's steps, in the order the product's tutorial takes them (issue #13, ADR 0401):
 * database, WinThor prerequisites, the integration's objects, a store tested, schedules, mappings, e-mail,
 * first-sync preview and first sync.
 */
export const SETUP_STEPS = [
  'database',
  'prerequisites',
  'schema',
  'store',
  'schedules',
  'mappings',
  'email',
  'firstSync',
] as const;
export type SetupStepId = (typeof SETUP_STEPS)[number];

/** Steps 1–5: while one of them is open nothing can run, and the engine says "Aguardando configuração". */
export const BLOCKING_SETUP_STEPS: readonly SetupStepId[] = [
  'database',
  'prerequisites',
  'schema',
  'store',
  'schedules',
];

/**
 * done: measured and fine. open: not done yet (the detail says what is missing). failing: it was set up
 * but fails now (database down, store refusing) — the engine shows an error, not "waiting". optional: not
 * done, and the product runs without it (e-mail alerts).
 */
export const SETUP_STEP_STATES = ['done', 'open', 'failing', 'optional'] as const;
export type SetupStepState = (typeof SETUP_STEP_STATES)[number];

/** A line of the prerequisites report a step quotes (steps 2 and 3), with its keys for another language. */
export const SetupCheckLine = z.object({
  label: z.string(),
  labelRef: MessageRef.optional(),
  detail: z.string(),
  detailRef: MessageRef.optional(),
  fix: z.string().optional(),
  fixRef: MessageRef.optional(),
});
export type SetupCheckLine = z.infer<typeof SetupCheckLine>;

export const SetupStep = z.object({
  id: z.enum(SETUP_STEPS),
  /** 1 to 8. */
  number: z.number().int(),
  state: z.enum(SETUP_STEP_STATES),
  /** pt-BR: what was measured ("Oracle 19c — driver Thin", "Parâmetro 4009 da filial 1: plano 99 não existe"). */
  detail: z.string(),
  detailRef: MessageRef.optional(),
  /**
   * The report lines the detail quotes ("label: detail fix" each), for a UI in another language: it says
   * them from their keys, then `detailRef` (what the step adds) when present (ADR 0025).
   */
  checks: z.array(SetupCheckLine).optional(),
  /** In the demo: the demo cannot do this step by itself, it needs a person's choice. */
  needsPerson: z.boolean(),
  blocking: z.boolean(),
});
export type SetupStep = z.infer<typeof SetupStep>;

export const SetupStatus = z.object({
  steps: z.array(SetupStep),
  /** The first step not done among the blocking ones (null: the engine can run). */
  firstBlocking: z.enum(SETUP_STEPS).nullable(),
  /** Every step done, optional ones aside: the Painel no longer shows the guide. */
  complete: z.boolean(),
  measuredAt: z.string(),
});
export type SetupStatus = z.infer<typeof SetupStatus>;

export const setupMethods = {
  'setup.status': defineMethod({
    summary:
      'Primeiros passos: cada passo da configuração (banco, pré-requisitos, objetos, loja, agendamentos, mapeamentos, e-mail, primeira sincronização) medido agora.',
    input: NoInput,
    output: SetupStatus,
  }),
};
