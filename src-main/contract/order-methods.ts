import { z } from 'zod';
import { defineMethod } from './define';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day that exists (JavaScript would roll 2026-02-31 over to March 3rd). */
const realDate = (value: string): boolean => {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(y!, m! - 1, d!);
  return date.getFullYear() === y && date.getMonth() === m! - 1 && date.getDate() === d;
};

/** Today as YYYY-MM-DD in local time (the store's dates have no time zone, the cursor is local too). */
const today = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

export const OrderRereadInput = z
  .object({
    branch: z.string().min(1, 'Filial: escolha a filial cujos pedidos serão lidos de novo.'),
    /** The first day (YYYY-MM-DD) the next pull reads again. */
    from: z
      .string()
      .regex(DATE, 'Data inicial: use o formato AAAA-MM-DD (ex.: 2026-11-01).')
      .refine((value) => !DATE.test(value) || realDate(value), {
        message: 'Data inicial: informe uma data que exista (ex.: 2026-11-01; 31/02 não existe).',
      })
      .refine((value) => !DATE.test(value) || !realDate(value) || value <= today(), {
        message: 'Data inicial: não pode ser uma data futura; informe hoje ou um dia anterior.',
      }),
  })
  .strict();

export const orderMethods = {
  'orders.reread': defineMethod({
    summary:
      'Relê os pedidos da loja a partir de uma data na próxima execução de "Pedidos" (nenhum pedido é importado duas vezes).',
    input: OrderRereadInput,
    output: z.object({
      branch: z.string(),
      /** The `minUpdatedAt` the next pull will use. */
      from: z.string(),
    }),
  }),
};
