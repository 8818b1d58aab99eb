import { z } from 'zod';
import { defineMethod, NoInput } from './define';
import { MessageRef } from './messages';

/**
 * setup: "Aguardando configuração" — a step of the first-run guide that nothing can run without is open.
 * standby: "Em espera" — another engine holds this WinThor database (ADR 0310).
 */
export const ENGINE_STATES = [
  'starting',
  'running',
  'paused',
  'error',
  'stopped',
  'setup',
  'standby',
] as const;

export const AppStatus = z.object({
  name: z.string(),
  version: z.string(),
  startedAt: z.string(),
  uptimeSeconds: z.number(),
  host: z.enum(['desktop', 'headless']),
  demo: z.boolean(),
  /** A headless host run as the Windows service (WTC_SERVICE=1, docs/windows-service.md). */
  service: z.boolean().default(false),
  /**
   * The port the web UI listens on and what chose it: `flag` (serve --port), `env` (WTC_PORT) or `settings`
   * (Configuração → Servidor web). Null while no web server listens (a command-line command).
   */
  web: z
    .object({ port: z.number().int(), source: z.enum(['flag', 'env', 'settings']) })
    .nullable()
    .default(null),
  /**
   * The demo store's read-only page (departments, products with price and stock, orders), pt-BR, for the
   * Painel's link; null outside the demo or while its store sandbox is not running.
   */
  demoStoreUrl: z.string().nullable().default(null),
  engine: z.object({
    state: z.enum(ENGINE_STATES),
    /** One line for the tray tooltip, pt-BR. */
    summary: z.string(),
    /** The summary without the state's own word (the Painel shows it beside the state badge), pt-BR. */
    detail: z.string().default(''),
    /** The detail's key and values for a UI in another language (ADR 0025); the pt-BR detail is the fallback. */
    detailRef: MessageRef.optional(),
    /** In state setup: the first open step the engine waits for. */
    setupStep: z.string().nullable().default(null),
    /**
     * Branches that never synced their catalogue whose scheduled catalogue jobs wait for the first-sync
     * preview to be seen, or a first sync started by hand (ADR 0406). Orders are not held.
     */
    heldForPreview: z.array(z.string()).default([]),
    /**
     * What the summary adds to the state, for a screen that tells the state in its own language: the
     * first failing job's message (pt-BR, from the engine), or that no sync is configured.
     */
    failure: z.string().nullable().default(null),
    noSchedules: z.boolean().default(false),
    /** In state standby: the engine that holds this WinThor database (lost: it took it from this one). */
    standby: z
      .object({
        hostName: z.string(),
        dataDir: z.string(),
        /** "HH:MM" (database clock), "DD/MM HH:MM" another day. */
        since: z.string(),
        lost: z.boolean(),
      })
      .nullable()
      .default(null),
    lastRunAt: z.string().nullable(),
    runningJobs: z.array(z.string()),
  }),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const appMethods = {
  'app.status': defineMethod({
    summary: 'Versão, tempo no ar e estado do motor de sincronização.',
    input: NoInput,
    output: AppStatus,
  }),
  'engine.runNow': defineMethod({
    summary: 'Executa agora todas as sincronizações habilitadas (o que o menu "Executar agora" faz).',
    input: NoInput,
    output: AppStatus,
  }),
  'engine.pause': defineMethod({
    summary: 'Pausa os agendamentos; nada novo começa até retomar.',
    input: NoInput,
    output: AppStatus,
  }),
  'engine.resume': defineMethod({
    summary: 'Retoma os agendamentos.',
    input: NoInput,
    output: AppStatus,
  }),
  'engine.takeOver': defineMethod({
    summary:
      'Assume o banco do WinThor mesmo com outro integrador registrado como ativo (quando se sabe que ele parou de vez).',
    input: NoInput,
    output: AppStatus,
  }),
};
