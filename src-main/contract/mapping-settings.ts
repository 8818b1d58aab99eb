import { z } from 'zod';

/** One row of a mapping screen (seed §6–8): a code of the store's orders ↔ a WinThor code. */
export const CodeMapping = z.object({
  /**
   * The store's code as its orders carry it: the payment method (billing types), the number of
   * installments, optionally `method:installments` for one method (payment plans), the shipping method's id
   * or name (carriers). Compared without case and surrounding spaces.
   */
  storeCode: z
    .string()
    .trim()
    .min(1, { error: 'Código na loja: informe o código como aparece nos pedidos.' })
    .max(100),
  /** PCCOB.CODCOB (billing types), PCPLPAG.CODPLPAG (payment plans), PCFORNEC.CODFORNEC (carriers). */
  winthorCode: z
    .string()
    .trim()
    .min(1, { error: 'Código no WinThor: escolha o código da lista do WinThor.' })
    .max(20),
  description: z.string().max(200).default(''),
});
export type CodeMapping = z.infer<typeof CodeMapping>;

/**
 * A payment plan's store code (ADR 0222): the number of instalments, 1 to 99 (`3`), or
 * `method:instalments` for one payment method (`CreditCard:3`), the method as the orders carry it (no
 * spaces, no colon). Returns it normalised (`CreditCard:03` → `CreditCard:3`, `03` → `3`), or null when it is
 * not one: an order never carries it, so a row with it could never resolve an order.
 */
export const normalisePlanStoreCode = (code: string): string | null => {
  const match = /^(?:([^\s:]+):)?(\d{1,3})$/.exec(code.trim());
  if (!match) return null;
  const instalments = Number(match[2]);
  if (instalments < 1 || instalments > 99) return null;
  return match[1] ? `${match[1]}:${instalments}` : String(instalments);
};

/** The pt-BR refusal of a plan store code (the screen shows the same text, src-renderer i18n). */
export const planStoreCodeMessage = (code: string): string =>
  `Parcelas na loja: "${code.trim()}" não é um parcelamento. Use o número de parcelas (1 a 99) ou forma:parcelas, com a forma de pagamento sem espaços — por exemplo 3 ou CreditCard:3.`;

/** The rule name on a refused plan store code's issue (a settings file saved before the check). */
export const PLAN_STORE_CODE_RULE = 'plan-store-code';

/** A plan row: its store code checked and normalised (normalisePlanStoreCode). */
export const PlanMapping = CodeMapping.extend({
  storeCode: CodeMapping.shape.storeCode
    .refine((code) => normalisePlanStoreCode(code) !== null, {
      error: (issue) => planStoreCodeMessage(String(issue.input)),
      params: { rule: PLAN_STORE_CODE_RULE },
    })
    .overwrite((code) => normalisePlanStoreCode(code) ?? code),
});

export const MAPPING_KINDS = ['billing', 'plans', 'carriers'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

const mappingList = (label: string, row: typeof CodeMapping | typeof PlanMapping = CodeMapping) =>
  z
    .array(row)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        const key = row.storeCode.trim().toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'storeCode'],
            message: `${label}: o código da loja "${row.storeCode}" já está mapeado; cada código da loja aponta para um só código do WinThor.`,
          });
        }
        seen.add(key);
      });
    })
    .default([]);

export const BranchMappings = z.object({
  billing: mappingList('Cobrança'),
  plans: mappingList('Plano de pagamento', PlanMapping),
  carriers: mappingList('Transportadora'),
});
export type BranchMappings = z.infer<typeof BranchMappings>;
