import { MessageRef } from './messages';
import { z } from 'zod';
import { defineMethod } from './define';
import { CodeMapping, MAPPING_KINDS, normalisePlanStoreCode, planStoreCodeMessage } from './settings-schema';

export const MappingKindField = z.enum(MAPPING_KINDS, {
  error:
    'Tipo de mapeamento: use billing (cobrança), plans (plano de pagamento) ou carriers (transportadora).',
});

const branchField = z.string().trim().min(1, { error: 'Filial: escolha a filial do mapeamento.' });

/** One code of WinThor's own list (PCCOB, PCPLPAG or the carriers in PCFORNEC), for the picker. */
export const WinthorCode = z.object({
  /** CODCOB, CODPLPAG or CODFORNEC, as text. */
  code: z.string(),
  /** COBRANCA, DESCRICAO or FORNECEDOR. */
  description: z.string(),
  /** A payment plan's number of instalments (PCPLPAG.NUMPR); null for the other kinds. */
  installments: z.number().nullable(),
  /** A payment plan's average term in days (PCPLPAG.NUMDIAS); null for the other kinds. */
  days: z.number().nullable(),
  /** A carrier's CNPJ (PCFORNEC.CGC); null for the other kinds. */
  document: z.string().nullable(),
  /** A carrier blocked in WinThor (PCFORNEC.BLOQUEIO = 'S'): shown, flagged (ADR 0104). */
  blocked: z.boolean(),
});
export type WinthorCode = z.infer<typeof WinthorCode>;

export const WinthorCodesResult = z.object({
  kind: MappingKindField,
  /** PCCOB, PCPLPAG or PCFORNEC: where the list comes from, to name it in messages. */
  table: z.string(),
  codes: z.array(WinthorCode),
});
export type WinthorCodesResult = z.infer<typeof WinthorCodesResult>;

/** Where the "codes seen on orders" came from (ADR 0024). */
export const STORE_CODE_SOURCES = ['orders', 'store', 'none'] as const;

/** A code the store's orders carry (a payment method, a number of instalments, a shipping method). */
export const StoreCodeSeen = z.object({
  code: z.string(),
  /** What the store calls it (the shipping method's name, "3 parcelas (CreditCard)"…); may be empty. */
  name: z.string(),
  /** Orders carrying it among those read. */
  count: z.number().int(),
  /** ISO date of the newest order carrying it (null when the orders had no date). */
  lastSeenAt: z.string().nullable(),
  /** The branch's mappings resolve every order that carried it (the same rule the order import uses). */
  mapped: z.boolean(),
});
export type StoreCodeSeen = z.infer<typeof StoreCodeSeen>;

export const StoreCodesResult = z.object({
  branch: z.string(),
  kind: MappingKindField,
  /** orders = the order import's record; store = a sample of the store's orders; none = nothing read. */
  source: z.enum(STORE_CODE_SOURCES),
  /** When the codes were read (the sample is cached for a while, ADR 0024). */
  readAt: z.string().nullable(),
  /** Orders the codes were read from. */
  orders: z.number().int(),
  codes: z.array(StoreCodeSeen),
  /** pt-BR, why no codes could be read (store not configured, store unreachable…), with the fix. */
  problem: z.string().nullable(),
  /** `problem`'s key for the UI's other languages (ADR 0025), when it has one. */
  problemRef: MessageRef.nullable().optional(),
});
export type StoreCodesResult = z.infer<typeof StoreCodesResult>;

export const mappingMethods = {
  'mappings.winthorCodes': defineMethod({
    summary:
      'Lista do WinThor para as telas de mapeamento: cobranças (PCCOB), planos de pagamento (PCPLPAG) ou transportadoras (PCFORNEC).',
    input: z.object({ kind: MappingKindField }).strict(),
    output: WinthorCodesResult,
  }),
  'mappings.storeCodes': defineMethod({
    summary:
      'Códigos que os pedidos da loja trazem (forma de pagamento, parcelas, forma de envio), com os que ainda não têm mapeamento na filial.',
    input: z
      .object({
        branch: branchField,
        kind: MappingKindField,
        /** Read the store again instead of the cached sample (at most once every few minutes). */
        refresh: z.boolean().default(false),
      })
      .strict(),
    output: StoreCodesResult,
  }),
  'mappings.save': defineMethod({
    summary:
      'Salva os mapeamentos de um tipo (cobrança, plano de pagamento ou transportadora) de uma filial; confere cada código novo na lista do WinThor.',
    input: z
      .object({
        branch: branchField,
        kind: MappingKindField,
        rows: z.array(CodeMapping),
        /**
         * The list as the screen had it when the change began: refused (`mappings_changed`) when the saved
         * list is no longer that one (changed in another window), so nothing saved there is overwritten.
         */
        expected: z.array(CodeMapping).optional(),
      })
      .strict()
      // Plans: each store code is instalments or method:instalments, normalised (ADR 0222).
      .superRefine((input, ctx) => {
        if (input.kind !== 'plans') return;
        input.rows.forEach((row, index) => {
          if (normalisePlanStoreCode(row.storeCode) === null)
            ctx.addIssue({
              code: 'custom',
              path: ['rows', index, 'storeCode'],
              message: planStoreCodeMessage(row.storeCode),
            });
        });
      })
      .overwrite((input) =>
        input.kind === 'plans'
          ? {
              ...input,
              rows: input.rows.map((row) => ({
                ...row,
                storeCode: normalisePlanStoreCode(row.storeCode) ?? row.storeCode,
              })),
            }
          : input,
      ),
    output: z.object({ rows: z.array(CodeMapping) }),
  }),
};
