import { z } from 'zod';
import { defineMethod, NoInput } from './define';
import { MessageRef } from './messages';

/** What failed: the address, the token, the way there, or the store itself (it answered, with an error). */
export const STORE_CONNECTION_PARTS = ['url', 'token', 'network', 'store', 'none'] as const;
export const CIRCUIT_STATES = ['closed', 'open', 'half-open'] as const;

/**
 * "Testar conexão": either a URL and token typed on the screen, or a branch code to use the saved settings.
 * With both, typed values win; a masked token (••••) with a branch means "the saved token".
 */
export const StoreTestInput = z
  .object({
    branch: z.string().min(1).optional(),
    url: z.string().optional(),
    token: z.string().optional(),
    /** How long to wait for the store (default 10 s). */
    timeoutSeconds: z.number().positive().max(300).optional(),
  })
  .strict()
  .refine((value) => value.branch !== undefined || (value.url !== undefined && value.token !== undefined), {
    message: 'Informe a URL da loja e o token, ou o código da filial para usar os dados salvos.',
  });

export const StoreApiLimit = z.object({
  limit: z.number().nullable(),
  second: z.number().nullable(),
  remaining: z.number().nullable(),
  raw: z.string().nullable(),
});

export const StoreTestResult = z.object({
  ok: z.boolean(),
  /** Which part is wrong: url | token | network; none when the store answered and accepted the token. */
  failed: z.enum(STORE_CONNECTION_PARTS),
  message: z.string(),
  /** The message as a key for a UI in another language (ADR 0025). */
  messageRef: MessageRef.optional(),
  apiRoot: z.string().nullable(),
  apiLimit: StoreApiLimit.nullable(),
});
export type StoreTestResult = z.infer<typeof StoreTestResult>;

export const StoreBranchState = z.object({
  branch: z.string(),
  name: z.string(),
  /** URL and token filled in. */
  configured: z.boolean(),
  apiRoot: z.string().nullable(),
  /** pt-BR, when the saved URL cannot be used. */
  problem: z.string().nullable(),
  circuit: z.object({
    state: z.enum(CIRCUIT_STATES),
    reason: z.string().nullable(),
    /** ISO time when an open circuit lets a trial call through. */
    until: z.string().nullable(),
    consecutiveFailures: z.number(),
  }),
  budget: z.object({
    limit: z.number().nullable(),
    second: z.number().nullable(),
    /** The calls left as the engine decides with them, the Painel's one figure (ADR 0036). */
    remaining: z.number().nullable(),
    semantics: z.enum(['unknown', 'remaining', 'used']),
    blockedUntil: z.string().nullable(),
  }),
  calls: z.number(),
  /**
   * How the last call to the store ended (null: none yet in this run): failed with the pt-BR reason when the
   * store refused the connection, timed out or answered 5xx — shown even before the circuit opens.
   */
  lastCall: z
    .object({
      ok: z.boolean(),
      reason: z.string().nullable(),
      /** `reason`'s key for the UI's other languages (ADR 0025). */
      reasonRef: MessageRef.nullable().optional(),
      at: z.string(),
    })
    .nullable(),
});
export type StoreBranchState = z.infer<typeof StoreBranchState>;

export const storeMethods = {
  'store.test': defineMethod({
    summary: 'Testa a conexão com a loja (URL e token) e diz qual parte está errada: URL, token ou rede.',
    input: StoreTestInput,
    output: StoreTestResult,
  }),
  'store.state': defineMethod({
    summary:
      'Estado da conexão com a loja de cada filial: circuito (fechado/aberto), limite de chamadas restante.',
    input: NoInput,
    output: z.object({ branches: z.array(StoreBranchState) }),
  }),
};
