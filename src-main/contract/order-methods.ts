import { z } from 'zod';
import { defineMethod } from './define';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const OrderRereadInput = z
  .object({
    branch: z.string().min(1, 'Filial: escolha a filial cujos pedidos serão lidos de novo.'),
    /** The first day (YYYY-MM-DD) the next pull reads again. */
    from: z
      .string()
      .regex(DATE, 'Data inicial: use o formato AAAA-MM-DD (ex.: 2026-11-01).')
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00`)), {
        message: 'Data inicial: informe uma data que exista (ex.: 2026-11-01).',
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
