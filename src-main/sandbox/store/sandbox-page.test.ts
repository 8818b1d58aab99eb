import { afterEach, describe, expect, it } from 'vitest';
import { OrderBook } from './order-book';
import { SandboxCatalog } from './sandbox-catalog';
import { PAGE_SIZE, renderStorePage } from './sandbox-page';
import { startStoreSandbox, type StoreSandbox } from './store-sandbox';

let sandbox: StoreSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

const catalogWith = (products: number): SandboxCatalog => {
  const catalog = new SandboxCatalog();
  const root = catalog.createDepartment({ name: 'MERCEARIA', description: '', sortOrder: 1, visible: true });
  const leaf = catalog.createDepartment({
    name: 'GRAOS',
    description: '',
    sortOrder: 1,
    visible: true,
    parentId: root.id,
  });
  for (let code = 1; code <= products; code++) {
    catalog.createProduct({
      name: `Arroz tipo ${code}`,
      erpId: String(code),
      mainDepartmentId: leaf.id,
      variants: [{ erpId: String(code), price: 10 + code / 100, quantity: code % 7 }],
    });
  }
  return catalog;
};

const rowsOf = (html: string, section: string): number => {
  const start = html.indexOf(`id="${section}"`);
  const end = html.indexOf('<h2', start + 1);
  return (html.slice(start, end === -1 ? undefined : end).match(/<tr/g) ?? []).length - 1; // minus the header
};

describe('read-only page of the sandbox store (GET /__sandbox/loja)', () => {
  it('shows the department tree, products with price and stock in pt-BR, and orders; escapes what it shows', async () => {
    sandbox = await startStoreSandbox({ orders: 3 });
    const department = sandbox.catalog.createDepartment({
      name: 'BEBIDAS',
      description: '',
      sortOrder: 1,
      visible: true,
    });
    sandbox.catalog.createDepartment({
      name: 'SUCOS',
      description: '',
      sortOrder: 1,
      visible: true,
      parentId: department.id,
    });
    sandbox.catalog.createProduct({
      name: 'Suco <script>alert(1)</script>',
      erpId: '42',
      mainDepartmentId: department.id,
      variants: [{ erpId: '42', price: 1234.5, quantity: 8, ean: '7891000100103' }],
    });
    const variant = sandbox.catalog.findVariant('42')!;
    sandbox.catalog.setStock(variant, '2', 3);
    sandbox.catalog.setPrice(variant, '2', { price: 1299.9 });

    const response = await fetch(sandbox.pageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(sandbox.pageUrl).toBe(`${sandbox.url}/__sandbox/loja`);
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toMatch(/<li>BEBIDAS <small>#1<\/small><ul><li>SUCOS/);
    expect(html).toContain('Suco &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('R$\u00a01.234,50');
    expect(html).toContain('tabela 2: R$\u00a01.299,90');
    expect(html).toContain('depósito 2: 3');
    expect(html).toContain('EAN 7891000100103');
    expect(rowsOf(html, 'pedidos')).toBe(3);
    expect(html).toMatch(/Pagamento aprovado|Cancelado|Enviado/);
  });

  it('pages products and orders and finds by name or ERP code', () => {
    const catalog = catalogWith(120);
    const orders = new OrderBook(1, 60, [], 10);
    const page = (query: string) =>
      renderStorePage({ catalog, orders, customers: [], storeId: 'loja', query: new URLSearchParams(query) });
    const first = page('');
    expect(rowsOf(first, 'produtos')).toBe(PAGE_SIZE);
    expect(first).toContain('?produtos=2#produtos');
    expect(rowsOf(page('produtos=3'), 'produtos')).toBe(20);
    expect(page('produtos=3')).not.toContain('produtos=4');
    expect(rowsOf(page('pedidos=2'), 'pedidos')).toBe(10);
    const found = page('busca=tipo 11');
    expect(found).toContain('11 produto(s) com “tipo 11”');
    expect(rowsOf(page('busca=inexistente'), 'produtos')).toBe(-1); // no table at all
    expect(page('busca=inexistente')).toContain('Nenhum produto encontrado.');
  });

  it('shows the invoice and the tracking code each order last received with its status', () => {
    const orders = new OrderBook(1, 3, [], 10);
    const [first, second] = orders.page({ statuses: [], unprocessedOnly: false }, 1, 3).items;
    const html = renderStorePage({
      catalog: catalogWith(1),
      orders,
      customers: [],
      storeId: 'loja',
      query: new URLSearchParams(),
      statusUpdates: [
        { orderId: first!.id, body: { status: 'CONFIRMED' } },
        {
          orderId: first!.id,
          body: { status: 'SHIPPED', invoice: { number: '77' }, tracking: { code: 'QB1<BR>' } },
        },
        { orderId: second!.id, body: { status: 'PACKAGED' } },
      ],
    });
    expect(html).toContain('<th>Nota fiscal / rastreio</th>');
    // The fifth cell of each order's row: the first one's notes, the second one's none.
    const notesOf = (id: number) =>
      new RegExp(`<tr><td>${id}</td>(.*?)</tr>`).exec(html)?.[1]?.split(/<\/td><td[^>]*>/)[3];
    expect(notesOf(first!.id)).toBe('NF 77 · Rastreio QB1&lt;BR&gt;');
    expect(notesOf(second!.id)).toBe('-');
  });

  it('stays small and fast with 100k products: one page of rows, whatever the catalogue', () => {
    const catalog = catalogWith(100_000);
    const orders = new OrderBook(1, 100_000, [], 10);
    const started = performance.now();
    const html = renderStorePage({
      catalog,
      orders,
      customers: [],
      storeId: 'loja',
      query: new URLSearchParams('produtos=1500&pedidos=1000'),
    });
    const elapsed = performance.now() - started;
    expect(rowsOf(html, 'produtos')).toBe(PAGE_SIZE);
    expect(rowsOf(html, 'pedidos')).toBe(PAGE_SIZE);
    expect(html).toContain('100.000 produtos');
    expect(html.length).toBeLessThan(60_000);
    expect(elapsed).toBeLessThan(2000); // typically well under 100 ms; generous for a shared CI machine
  });
});
