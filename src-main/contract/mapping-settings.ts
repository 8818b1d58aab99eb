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

export const MAPPING_KINDS = ['billing', 'plans', 'carriers'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

const mappingList = (label: string) =>
  z
    .array(CodeMapping)
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
  plans: mappingList('Plano de pagamento'),
  carriers: mappingList('Transportadora'),
});
export type BranchMappings = z.infer<typeof BranchMappings>;
