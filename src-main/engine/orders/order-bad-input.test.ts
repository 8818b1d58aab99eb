import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCnpj } from '../../sandbox/store/documents';
import type { OrderInjection } from '../../sandbox/store/injected-orders';
import { seededRandom } from '../../sandbox/store/seeded-random';
import { listPendings, type PendingRecord } from '../../winthor';
import { goodOrder, startOrderHarness, type OrderHarness } from './order-harness.test-support';

let h: OrderHarness;
const placed = new Map<string, number>();
let pendings: PendingRecord[] = [];
let customersBefore = 0;

type Case = { name: string; kind: string | null; field?: string; order: (h: OrderHarness) => OrderInjection };

const withBilling = (h: OrderHarness, billing: Record<string, unknown>) => {
  const base = goodOrder(h.products.slice(0, 1));
  return { ...base, billing: { ...(base.billing as object), ...billing } };
};
const withShipping = (h: OrderHarness, address: Record<string, unknown>) => {
  const base = goodOrder(h.products.slice(0, 1));
  return { ...base, shippingAddress: { ...(base.shippingAddress as object), ...address } };
};
const withItem = (h: OrderHarness, item: Record<string, unknown>) => {
  const base = goodOrder(h.products.slice(0, 1));
  return { ...base, orderItems: [{ ...base.orderItems![0]!, ...item }] };
};
const cnpj = makeCnpj(seededRandom(7));

/** Each bad input of the issue: its pendência kind (null = imported, with a note) and the field named. */
const CASES: Case[] = [
  {
    name: 'CPF ausente',
    kind: 'documento_invalido',
    field: 'billing.documentId',
    order: (h) => withBilling(h, { documentId: '' }),
  },
  {
    name: 'CPF com dígito errado',
    kind: 'documento_invalido',
    field: 'billing.documentId',
    order: (h) => withBilling(h, { documentId: '123.456.789-00' }),
  },
  {
    name: 'CNPJ com dígito errado',
    kind: 'documento_invalido',
    field: 'billing.documentId',
    order: (h) =>
      withBilling(h, {
        documentId: '11.222.333/0001-00',
        customerType: 'company',
        regionalDocumentId: '123',
      }),
  },
  {
    name: 'empresa sem IE',
    kind: 'sem_ie',
    field: 'billing.regionalDocumentId',
    order: (h) =>
      withBilling(h, {
        documentId: cnpj,
        customerType: 'company',
        regionalDocumentType: 'IE',
        regionalDocumentId: '',
      }),
  },
  {
    name: 'CEP inválido',
    kind: 'cep_invalido',
    field: 'shippingAddress.zipCode',
    order: (h) => withShipping(h, { zipCode: '9001' }),
  },
  {
    name: 'UF inválida',
    kind: 'uf_invalida',
    field: 'shippingAddress.state',
    order: (h) => withShipping(h, { state: 'XX' }),
  },
  {
    name: 'cidade desconhecida',
    kind: 'cidade_desconhecida',
    field: 'PCCIDADE.CODIBGE',
    order: (h) => withShipping(h, { city: 'Manaus', state: 'AM', ibgeCode: '1302603', zipCode: '69005-010' }),
  },
  {
    name: 'SKU desconhecido',
    kind: 'sku_desconhecido',
    field: 'PCPRODUT.CODPROD',
    order: (h) => withItem(h, { erpId: '999999', sku: '999999' }),
  },
  {
    name: 'SKU que não é código',
    kind: 'sku_desconhecido',
    field: 'orderItems[0].erpId',
    order: (h) => withItem(h, { erpId: 'ABC-1', sku: 'ABC-1' }),
  },
  {
    name: 'quantidade zero',
    kind: 'quantidade_invalida',
    field: 'orderItems[0].quantity',
    order: (h) => withItem(h, { quantity: 0 }),
  },
  {
    name: 'quantidade negativa',
    kind: 'quantidade_invalida',
    field: 'orderItems[0].quantity',
    order: (h) => withItem(h, { quantity: -2 }),
  },
  {
    name: 'preço longe do WinThor',
    kind: 'preco_divergente',
    field: 'priceTolerancePercent',
    order: (h) => withItem(h, { price: h.products[0]!.price * 2, adjustedPrice: h.products[0]!.price * 2 }),
  },
  {
    name: 'forma de pagamento sem mapeamento',
    kind: 'sem_mapa_cobranca',
    field: 'Cadastrar → Cobrança',
    order: (h) => ({
      ...goodOrder(h.products.slice(0, 1)),
      payments: [{ method: 'Boleto', installments: 1 }],
    }),
  },
  {
    name: 'parcelamento sem mapeamento',
    kind: 'sem_mapa_plano',
    field: 'Cadastrar → Plano de Pagamento',
    order: (h) => ({
      ...goodOrder(h.products.slice(0, 1)),
      payments: [{ method: 'CreditCard', installments: 6 }],
    }),
  },
  {
    name: 'transportadora sem mapeamento',
    kind: 'sem_mapa_transporte',
    field: 'Cadastrar → Transportadora',
    order: (h) => ({
      ...goodOrder(h.products.slice(0, 1)),
      shippingMethod: { id: 3, name: 'Jadlog Package', cost: 15.5 },
    }),
  },
  {
    name: 'nome só com outro alfabeto e emoji',
    kind: 'nome_invalido',
    field: 'billing.name',
    order: (h) => withBilling(h, { name: 'Иван 😀' }),
  },
  {
    name: 'total maior que itens + frete',
    kind: 'total_divergente',
    field: 'frete',
    order: (h) => ({ ...goodOrder(h.products.slice(0, 1)), total: 99_999 }),
  },
  // Imported, with a note: never a failed insert.
  {
    name: 'nome e endereço longos',
    kind: null,
    order: (h) => withShipping({ ...h }, { street: `Avenida ${'Muito '.repeat(20)}Comprida` }),
  },
  {
    name: 'emoji e outro alfabeto no meio do nome',
    kind: null,
    order: (h) => withBilling(h, { name: 'Maria 😀 Иван da Silva 🇧🇷' }),
  },
  {
    name: 'metacaracteres SQL',
    kind: null,
    order: (h) => withBilling(h, { name: 'O\'Brien"; DROP TABLE PCCLIENT; --' }),
  },
  {
    name: 'desconto no pedido (total menor)',
    kind: null,
    order: (h) => ({ ...goodOrder(h.products.slice(0, 2)), total: 10.01 + 15.5 }),
  },
];

beforeAll(async () => {
  h = await startOrderHarness();
  customersBefore = await h.count(`SELECT COUNT(*) AS N FROM PCCLIENT`);
  for (const c of CASES) placed.set(c.name, (await h.place(c.order(h))).id);
  const run = await h.run('orders');
  expect(run.status).toBe('partial');
  pendings = await listPendings(h.db, { status: 'open', limit: 1000 });
});
afterAll(async () => h.close());

describe('bad input: each is one pendência in pt-BR naming the field and the fix, writes nothing, stops nothing', () => {
  it.each(CASES.filter((c) => c.kind))('$name → $kind', (c) => {
    const id = String(placed.get(c.name));
    const mine = pendings.filter((p) => p.erpKey === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ entity: 'order', kind: c.kind });
    expect(`${mine[0]!.message} ${mine[0]!.fix}`).toContain(c.field);
    expect(mine[0]!.fix).toBeTruthy();
  });

  it('writes nothing else to WinThor: only the good orders are staged, only their customers created', async () => {
    const good = CASES.filter((c) => !c.kind).map((c) => String(placed.get(c.name)));
    const staged = (
      await h.db.query(`SELECT PCPEDCFV.NUMPEDCLI FROM PCPEDCFV ORDER BY PCPEDCFV.NUMPEDCLI`)
    ).map((r) => String(r.NUMPEDCLI));
    expect(staged).toEqual([...good].sort());
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCCLIENT`)).toBe(customersBefore + good.length);
    expect(pendings.filter((p) => good.includes(p.erpKey))).toEqual([]);
  });

  it('cuts long names and addresses, keeps Latin letters only, stores SQL meta-characters as text', async () => {
    const byOrder = async (name: string) =>
      h.db.queryOne(
        `SELECT PCCLIENT.CLIENTE, PCCLIENT.ENDERENT FROM PCCLIENT JOIN PCPEDCFV ON PCPEDCFV.CODCLI = PCCLIENT.CODCLI
          WHERE PCPEDCFV.NUMPEDCLI = :id`,
        { id: String(placed.get(name)) },
      );
    const long = await byOrder('nome e endereço longos');
    expect(String(long!.ENDERENT).length).toBeLessThanOrEqual(40);
    expect(String(long!.ENDERENT)).toMatch(/^AVENIDA MUITO/);
    expect((await byOrder('emoji e outro alfabeto no meio do nome'))!.CLIENTE).toBe('MARIA DA SILVA');
    expect((await byOrder('metacaracteres SQL'))!.CLIENTE).toBe(`O'BRIEN"; DROP TABLE PCCLIENT; --`);
    const notes = await h.db.queryOne(
      `SELECT WTC_STORE_ORDER.MESSAGE FROM WTC_STORE_ORDER WHERE WTC_STORE_ORDER.STORE_ORDER_ID = :id`,
      { id: String(placed.get('nome e endereço longos')) },
    );
    expect(String(notes!.MESSAGE)).toContain('cortado para 40 caracteres (PCCLIENT.ENDERENT)');
  });

  it('a waiting order is logged when it starts waiting, not again on every run while its reason stays', async () => {
    const id = String(placed.get('transportadora sem mapeamento'));
    const lines = () =>
      h.count(
        `SELECT COUNT(*) AS N FROM WTC_LOG WHERE WTC_LOG.LOG_LEVEL = 'warn' AND WTC_LOG.MESSAGE LIKE :m`,
        {
          m: `Pedido ${id}:%`,
        },
      );
    expect(await lines()).toBe(1);
    const again = await h.run('orders');
    expect(again.counts.failed).toBeGreaterThan(0);
    expect(await lines()).toBe(1);
    expect(
      (await listPendings(h.db, { status: 'open', limit: 1000 })).filter((p) => p.erpKey === id),
    ).toHaveLength(1);

    // Waiting for another reason is logged again: Boleto mapped, its 6 instalments are not.
    const other = String(
      (
        await h.place({
          ...goodOrder(h.products.slice(0, 1)),
          payments: [{ method: 'Boleto', installments: 6 }],
        })
      ).id,
    );
    const linesOf = (order: string) =>
      h.count(
        `SELECT COUNT(*) AS N FROM WTC_LOG WHERE WTC_LOG.LOG_LEVEL = 'warn' AND WTC_LOG.MESSAGE LIKE :m`,
        {
          m: `Pedido ${order}:%`,
        },
      );
    await h.run('orders');
    expect(await linesOf(other)).toBe(1);
    const billing = h.settings.branches[0]!.mappings.billing;
    billing.push({ storeCode: 'Boleto', winthorCode: 'BK', description: '' });
    try {
      await h.run('orders');
      const [pending] = (await listPendings(h.db, { status: 'open', limit: 1000 })).filter(
        (p) => p.erpKey === other,
      );
      expect(pending?.kind).toBe('sem_mapa_plano');
      expect(await linesOf(other)).toBe(2);
      await h.run('orders');
      expect(await linesOf(other)).toBe(2);
    } finally {
      billing.pop();
    }
  });

  it("spreads the order's discount over the items so WinThor's total equals the store's to the cent", async () => {
    await h.importInWinthor();
    const row = await h.db.queryOne(`SELECT PCPEDC.VLTOTAL FROM PCPEDC WHERE PCPEDC.NUMPEDCLI = :id`, {
      id: String(placed.get('desconto no pedido (total menor)')),
    });
    expect(Number(row!.VLTOTAL)).toBe(25.51);
  });
});
