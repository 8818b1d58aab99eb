/**
 * Which open pendências need a person (ADR 0035). The engine retries some kinds on its own, with growing
 * intervals, for a cause that often passes by itself (the store refused a status, an unexpected error while
 * sending or writing to WinThor): in their first attempts they are not yet a person's to fix, and they do not
 * turn the health amber. Every other kind — bad data, a missing mapping, a price, a cancelled order to cancel
 * in WinThor — waits for a person from the first moment.
 */
export const SELF_RETRYING_KINDS = [
  'erro_envio',
  'erro_importacao',
  'status_recusado',
  'status_pedido_desconhecido',
] as const;

/**
 * Attempts (the first failure counts as one) before a self-retrying pendência needs a person: the 3rd
 * failure, ~15 min after the first (back-off 5 + 10 min, winthor retryDelayMs; pending-attention.test.ts).
 */
export const FIRST_ATTEMPTS = 3;

export const SELF_RETRYING = { kinds: SELF_RETRYING_KINDS, belowAttempts: FIRST_ATTEMPTS } as const;

/** Open pendências waiting for a person, from the open counts and the self-retrying ones among them. */
export const waitingForPerson = (open: ReadonlyArray<{ count: number; retrying?: number }>): number =>
  open.reduce((sum, row) => sum + Math.max(0, row.count - (row.retrying ?? 0)), 0);
