import type { BranchMappings } from '../../contract';
import type { StagedItem, StagedOrder } from '../../winthor';
import { formatCep } from './brazil-rules';
import { mappingScreen, resolveOrderCodes, type ResolvedCodes } from './code-mappings';
import type { OrderInput, OrderProblem } from './order-input';
import { formatReais, fromCents, lineCentsOf, spreadDiscount, unitPrice } from './money';
import { fitField } from './text-rules';

const MAPPING_KIND = {
  billing: { what: 'forma de pagamento', field: 'payments[0].method' },
  plans: { what: 'parcelamento', field: 'payments[0].installments' },
  carriers: { what: 'forma de envio', field: 'shippingMethod' },
} as const;

/** The order's WinThor codes from the branch's mappings, or the pendência naming the screen to use. */
export const orderCodes = (
  input: OrderInput,
  mappings: BranchMappings,
): { ok: true; codes: ResolvedCodes } | { ok: false; problem: OrderProblem } => {
  const resolution = resolveOrderCodes(input.codes, mappings);
  if (resolution.ok) return resolution;
  const { what, field } = MAPPING_KIND[resolution.missing];
  const kind =
    resolution.missing === 'billing'
      ? 'sem_mapa_cobranca'
      : resolution.missing === 'plans'
        ? 'sem_mapa_plano'
        : 'sem_mapa_transporte';
  const screen = mappingScreen(resolution.missing);
  if (resolution.invalid !== undefined)
    return {
      ok: false,
      problem: {
        kind,
        message: `Pedido ${input.id}: o mapeamento de ${what} "${resolution.storeCode}" aponta para o código "${resolution.invalid}", que não é um código numérico do WinThor.`,
        fix: `Em ${screen}, escolha o código do WinThor na lista para "${resolution.storeCode}"; o pedido é importado na execução seguinte.`,
        params: {
          storeOrderId: input.id,
          storeCode: resolution.storeCode,
          winthorCode: resolution.invalid,
          field,
          context: 'notNumeric',
        },
      },
    };
  const shown = resolution.storeCode || '(vazio)';
  const message = `Pedido ${input.id}: ${what} "${shown}" (${field}) sem mapeamento para o WinThor.`;
  const fix = `Em ${screen}, mapeie "${shown}" para um código do WinThor; o pedido é importado sozinho na próxima execução.`;
  // A plan is looked up by "method:instalments", then by the instalments alone: either would do. The pt-BR
  // text joins them with "ou"; other languages get both codes and say "or" in their own words.
  const [storeCode, orStoreCode] = resolution.codesTried ?? [];
  if (resolution.missing === 'plans' && storeCode && orStoreCode)
    return {
      ok: false,
      problem: {
        kind: 'sem_mapa_plano',
        message,
        fix,
        params: { storeOrderId: input.id, storeCode, orStoreCode, field, context: 'either' },
      },
    };
  return {
    ok: false,
    problem: {
      kind,
      message,
      fix,
      // An empty code is not a code: null, and the English text has its own variant (no pt-BR filler).
      params: {
        storeOrderId: input.id,
        storeCode: resolution.storeCode || null,
        field,
        ...(resolution.storeCode ? {} : { context: 'empty' }),
      },
    },
  };
};

const TOTALS_FIX =
  'Confira os valores do pedido na loja (itens, frete, descontos, juros) e lance-o no WinThor manualmente se estiver correto; depois ignore a pendência.';

/** An item priced for PCPEDIFV: the unit price after the order's discount, up to 6 decimals. */
export interface PricedLine {
  seq: number;
  codprod: number;
  codauxiliar: number | null;
  quantity: number;
  pvenda: number;
}

/**
 * Prices the items against WinThor: each product must exist and have a selling price close to the store's
 * (tolerance in percent, settings `orders.priceTolerancePercent`); the order's discount (store total below
 * items + freight) is spread over the items; and the WinThor total (Σ QT × PVENDA + VLFRETE) must equal the
 * store's total to the cent — otherwise one pendência, never a silently different order.
 */
export const priceLines = (
  input: OrderInput,
  products: ReadonlyMap<number, { codauxiliar: number | null }>,
  prices: ReadonlyMap<number, number | null>,
  tolerancePercent: number,
): { ok: true; lines: PricedLine[] } | { ok: false; problem: OrderProblem } => {
  for (const line of input.lines) {
    if (!products.has(line.codprod))
      return {
        ok: false,
        problem: {
          kind: 'sku_desconhecido',
          message: `Pedido ${input.id}, item ${line.seq}: o produto ${line.codprod} (SKU "${line.sku}") não existe no WinThor ou está excluído (PCPRODUT.CODPROD).`,
          fix: 'Confira o código ERP da variação na loja, ou reative o produto no WinThor (rotina 203), e aguarde a próxima execução.',
          params: {
            storeOrderId: input.id,
            item: line.seq,
            codprod: line.codprod,
            sku: line.sku,
            context: 'notInWinthor',
          },
        },
      };
    const price = prices.get(line.codprod) ?? null;
    if (price === null)
      return {
        ok: false,
        problem: {
          kind: 'produto_sem_preco',
          message: `Pedido ${input.id}, item ${line.seq}: o produto ${line.codprod} não tem preço de venda no WinThor para esta filial (PCTABPR).`,
          fix: 'Informe o preço do produto na região da filial (rotina 201) e aguarde a próxima execução.',
          params: { storeOrderId: input.id, item: line.seq, codprod: line.codprod },
        },
      };
    const difference = Math.abs(line.unitPrice - price) / price;
    if (difference * 100 > tolerancePercent)
      return {
        ok: false,
        problem: {
          kind: 'preco_divergente',
          message: `Pedido ${input.id}, item ${line.seq}: produto ${line.codprod} vendido na loja a ${formatReais(Math.round(line.unitPrice * 100))}, e o preço no WinThor é ${formatReais(Math.round(price * 100))} (${(difference * 100).toFixed(1)}% de diferença, limite ${tolerancePercent}%).`,
          fix: 'Confira o preço do produto na loja e no WinThor (ou o limite em Configuração, orders.priceTolerancePercent) e use "reprocessar" na pendência.',
          params: {
            storeOrderId: input.id,
            item: line.seq,
            codprod: line.codprod,
            storePrice: formatReais(Math.round(line.unitPrice * 100)),
            winthorPrice: formatReais(Math.round(price * 100)),
            difference: (difference * 100).toFixed(1),
            tolerance: tolerancePercent,
          },
        },
      };
  }
  const lineCents = input.lines.map((line) => Math.round(line.unitPrice * line.quantity * 100));
  const itemsCents = lineCents.reduce((sum, cents) => sum + cents, 0);
  const discountCents = itemsCents + input.freightCents - input.totalCents;
  const totals = {
    storeOrderId: input.id,
    total: formatReais(input.totalCents),
    items: formatReais(itemsCents),
    freight: formatReais(input.freightCents),
  };
  const totalsMessage = (detail: string): string =>
    `Pedido ${input.id}: total da loja ${totals.total} não fecha com itens ${totals.items} + frete ${totals.freight}: ${detail}`;
  if (discountCents < 0)
    return {
      ok: false,
      problem: {
        kind: 'total_divergente',
        message: totalsMessage(
          `a loja cobrou ${formatReais(-discountCents)} a mais (juros ou taxa) que o pedido do WinThor não tem onde lançar.`,
        ),
        fix: TOTALS_FIX,
        params: { ...totals, context: 'extraCharge', amount: formatReais(-discountCents) },
      },
    };
  if (discountCents > itemsCents)
    return {
      ok: false,
      problem: {
        kind: 'total_divergente',
        message: totalsMessage(`o desconto de ${formatReais(discountCents)} é maior que o valor dos itens.`),
        fix: TOTALS_FIX,
        params: { ...totals, context: 'discountOverItems', amount: formatReais(discountCents) },
      },
    };
  const discounted = spreadDiscount(lineCents, discountCents);
  const lines = input.lines.map((line, i) => ({
    seq: line.seq,
    codprod: line.codprod,
    codauxiliar: products.get(line.codprod)?.codauxiliar ?? null,
    quantity: line.quantity,
    pvenda: discountCents === 0 ? line.unitPrice : unitPrice(discounted[i]!, line.quantity),
  }));
  const winthorCents =
    lines.reduce((sum, line) => sum + lineCentsOf(line.quantity, line.pvenda), 0) + input.freightCents;
  if (winthorCents !== input.totalCents)
    return {
      ok: false,
      problem: {
        kind: 'total_divergente',
        message: totalsMessage(
          `o desconto de ${formatReais(discountCents)} não se distribui nos itens sem diferença de centavos (WinThor: ${formatReais(winthorCents)}).`,
        ),
        fix: TOTALS_FIX,
        params: {
          ...totals,
          context: 'cents',
          amount: formatReais(discountCents),
          winthorTotal: formatReais(winthorCents),
        },
      },
    };
  return { ok: true, lines };
};

/** The delivery address and recipient in OBSENTREGA1..4 (75 characters each). */
const deliveryNotes = (input: OrderInput, notes: string[]): [string, string, string, string] => {
  const d = input.delivery;
  const street = [d.street, d.number].filter(Boolean).join(', ');
  return [
    fitField(`Entregar a: ${d.recipient}`, 75, 'Destinatário', 'PCPEDCFV.OBSENTREGA1', notes),
    fitField(
      [street, d.complement].filter(Boolean).join(' - '),
      75,
      'Endereço de entrega',
      'PCPEDCFV.OBSENTREGA2',
      notes,
    ),
    fitField(
      [d.district, `${d.city}/${d.state}`, `CEP ${formatCep(d.zip)}`].filter(Boolean).join(' - '),
      75,
      'Bairro/cidade de entrega',
      'PCPEDCFV.OBSENTREGA3',
      notes,
    ),
    fitField(
      [
        d.reference ? `Ref.: ${d.reference}` : '',
        input.codes.shipping ? `Envio: ${input.codes.shipping.name}` : '',
      ]
        .filter(Boolean)
        .join(' - '),
      75,
      'Referência de entrega',
      'PCPEDCFV.OBSENTREGA4',
      notes,
    ),
  ];
};

/**
 * The PCPEDCFV/PCPEDIFV rows of an order: NUMPEDRCA = the import record's id (unique among everything the
 * integration stages), NUMPEDCLI = the store's order id, the freight, the carrier and the delivery notes.
 */
export const buildStagedOrder = (options: {
  input: OrderInput;
  recordId: number;
  branch: string;
  codcli: number;
  codusur: number;
  cgccli: string;
  openedAt: Date;
  codes: ResolvedCodes;
  lines: readonly PricedLine[];
  notes: string[];
}): StagedOrder => {
  const { input, codes, notes } = options;
  const obsentrega = deliveryNotes(input, notes);
  const payment = input.codes.paymentMethod
    ? `${input.codes.paymentMethod} ${input.codes.installments}x`
    : 'sem pagamento';
  const items: StagedItem[] = options.lines.map((line) => ({
    codprod: line.codprod,
    codauxiliar: line.codauxiliar,
    qt: line.quantity,
    pvenda: line.pvenda,
    numseq: line.seq,
  }));
  return {
    numpedrca: options.recordId,
    codusur: options.codusur,
    cgccli: options.cgccli,
    openedAt: options.openedAt,
    codcli: options.codcli,
    codfilial: options.branch,
    codcob: codes.codcob,
    codplpag: codes.codplpag,
    numpedcli: input.id,
    vlfrete: fromCents(input.freightCents),
    codfornecfrete: codes.codfornecfrete,
    obs1: fitField(`Pedido ${input.id} da loja virtual`, 50, 'Observação', 'PCPEDCFV.OBS1', notes),
    obs2: fitField(`Pagamento: ${payment}`, 50, 'Pagamento', 'PCPEDCFV.OBS2', notes),
    obsentrega: obsentrega,
    items,
  };
};
