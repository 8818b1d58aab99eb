import type { OrderBook } from './order-book';
import {
  DEFAULT_PRICE_TABLE,
  DEFAULT_WAREHOUSE,
  type SandboxCatalog,
  type SandboxDepartment,
  type SandboxProduct,
} from './sandbox-catalog';

/**
 * The sandbox store's read-only page (`GET /__sandbox/loja`, pt-BR): departments as a tree, products with
 * price and stock, orders — what the demo's engine has sent, as a shopper-side view. Products and orders
 * come a page at a time and the tree is capped, so a store of 100k products answers as fast as one of 600.
 */
export const PAGE_SIZE = 50;
/** Most departments drawn in the tree (a real tree has hundreds). */
export const MAX_TREE_NODES = 1000;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

const money = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const integer = new Intl.NumberFormat('pt-BR');
const dateTime = new Intl.DateTimeFormat('pt-BR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'America/Sao_Paulo',
});

const ORDER_STATUS: Record<string, string> = {
  paymentapproved: 'Pagamento aprovado',
  cancelled: 'Cancelado',
  shipped: 'Enviado',
  delivered: 'Entregue',
  invoiced: 'Faturado',
};

export interface StorePageInput {
  catalog: SandboxCatalog;
  orders: OrderBook;
  customers: ReadonlyArray<{ id: number; name: string }>;
  storeId: string;
  /** The status updates received (`orders/{id}/status`): the page shows each order's invoice and tracking. */
  statusUpdates?: ReadonlyArray<{ orderId: number; body: unknown }>;
  /** The query of the request: `produtos` (page), `busca` (name or ERP code), `pedidos` (page). */
  query: URLSearchParams;
}

const pageNumber = (text: string | null): number => {
  const value = Number(text ?? '1');
  return Number.isInteger(value) && value >= 1 ? value : 1;
};

/** A link to this page with some query values changed (the others kept). */
const linkWith = (query: URLSearchParams, changes: Record<string, string | null>): string => {
  const next = new URLSearchParams(query);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  const text = next.toString();
  return escapeHtml(text ? `?${text}` : '?');
};

const pager = (
  query: URLSearchParams,
  name: string,
  page: number,
  hasMore: boolean,
  anchor: string,
): string => {
  const previous =
    page > 1 ? `<a href="${linkWith(query, { [name]: String(page - 1) })}#${anchor}">« anterior</a>` : '';
  const next = hasMore
    ? `<a href="${linkWith(query, { [name]: String(page + 1) })}#${anchor}">próxima »</a>`
    : '';
  return `<p class="pager">${previous} <span>página ${page}</span> ${next}</p>`;
};

const departmentTree = (catalog: SandboxCatalog): string => {
  const children = new Map<number | null, SandboxDepartment[]>();
  for (const department of catalog.departments.values()) {
    const parent =
      department.parentId != null && catalog.departments.has(department.parentId)
        ? department.parentId
        : null;
    const list = children.get(parent) ?? [];
    list.push(department);
    children.set(parent, list);
  }
  let drawn = 0;
  const branch = (parent: number | null): string => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'pt-BR'),
    );
    const items: string[] = [];
    for (const department of list) {
      if (drawn >= MAX_TREE_NODES) break;
      drawn += 1;
      const hidden = department.visible === false ? ' <span class="off">(oculto)</span>' : '';
      items.push(
        `<li>${escapeHtml(department.name)} <small>#${department.id}</small>${hidden}${branch(department.id)}</li>`,
      );
    }
    return items.length ? `<ul>${items.join('')}</ul>` : '';
  };
  const tree = branch(null);
  const total = catalog.departments.size;
  if (total === 0) return '<p>Nenhum departamento ainda.</p>';
  const capped =
    drawn < total
      ? `<p class="note">Mostrando ${integer.format(drawn)} de ${integer.format(total)} departamentos.</p>`
      : '';
  return `${tree}${capped}`;
};

const otherValues = (
  values: ReadonlySet<string>,
  lookup: (key: string) => number | undefined,
  label: string,
  format: (value: number) => string,
): string => {
  const parts: string[] = [];
  for (const key of values) {
    const value = lookup(key);
    if (value !== undefined) parts.push(`${label} ${escapeHtml(key)}: ${format(value)}`);
  }
  return parts.length ? `<br><small>${parts.join(' · ')}</small>` : '';
};

const productRows = (catalog: SandboxCatalog, products: SandboxProduct[]): string =>
  products
    .map((product) => {
      const department = catalog.departments.get(Number(product.mainDepartmentId));
      const variant = product.variants[0];
      const erp = variant?.erpId ?? product.erpId;
      const blocked = product.blocked === true || variant?.visible === false;
      const prices = variant
        ? otherValues(
            catalog.otherPriceTables,
            (table) => catalog.prices.get(`${erp}|${table}`)?.price,
            'tabela',
            (v) => money.format(v),
          )
        : '';
      const stock = variant
        ? otherValues(
            catalog.otherWarehouses,
            (warehouse) => catalog.stock.get(`${erp}|${warehouse}`),
            'depósito',
            (v) => integer.format(v),
          )
        : '';
      return `<tr${blocked ? ' class="off"' : ''}><td>${escapeHtml(product.erpId)}</td><td>${escapeHtml(product.name)}${variant?.ean ? `<br><small>EAN ${escapeHtml(variant.ean)}</small>` : ''}</td><td>${escapeHtml(department?.name ?? '-')}</td><td class="n">${variant ? money.format(variant.price) : '-'}${prices}</td><td class="n">${variant ? integer.format(variant.quantity) : '-'}${stock}</td><td>${blocked ? 'oculto' : 'à venda'}</td></tr>`;
    })
    .join('');

/** One page of products, optionally only those whose name or ERP code contains `search` (a full scan: ms at 100k). */
const productPage = (
  catalog: SandboxCatalog,
  page: number,
  search: string,
): { items: SandboxProduct[]; matched: number; hasMore: boolean } => {
  const skip = (page - 1) * PAGE_SIZE;
  const items: SandboxProduct[] = [];
  const needle = search.toLocaleLowerCase('pt-BR');
  let matched = 0;
  for (const product of catalog.products.values()) {
    if (
      needle &&
      !product.erpId.includes(needle) &&
      !String(product.name).toLocaleLowerCase('pt-BR').includes(needle)
    )
      continue;
    matched += 1;
    if (matched > skip && items.length < PAGE_SIZE) items.push(product);
    // Without a search, the total is the map's size: stop as soon as the page is full.
    if (!needle && items.length === PAGE_SIZE) break;
  }
  const total = needle ? matched : catalog.products.size;
  return { items, matched: total, hasMore: skip + items.length < total };
};

/** The invoice number and tracking code each order last received with its status (as the store shows them). */
const shippingNotes = (updates: StorePageInput['statusUpdates'], ids: ReadonlySet<number>) => {
  const notes = new Map<number, string>();
  for (const { orderId, body } of updates ?? []) {
    if (!ids.has(orderId) || typeof body !== 'object' || body === null) continue;
    const { invoice, tracking } = body as {
      invoice?: { number?: unknown };
      tracking?: { code?: unknown; url?: unknown };
    };
    const parts = [
      invoice?.number ? `NF ${String(invoice.number)}` : '',
      tracking?.code ? `Rastreio ${String(tracking.code)}` : '',
    ].filter(Boolean);
    // The last update counts: a later one without invoice nor tracking (a cancellation) clears the note.
    if (parts.length) notes.set(orderId, parts.join(' · '));
    else notes.delete(orderId);
  }
  return notes;
};

const ordersSection = (input: StorePageInput, page: number): string => {
  const { orders, customers, query } = input;
  if (orders.count === 0) return '<p>Nenhum pedido.</p>';
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const { items, hasMore } = orders.page({ statuses: [], unprocessedOnly: false }, page, PAGE_SIZE);
  const notes = shippingNotes(input.statusUpdates, new Set(items.map((o) => o.id)));
  const rows = items
    .map(
      (order) =>
        `<tr><td>${order.id}</td><td>${escapeHtml(dateTime.format(new Date(order.createdAt)))}</td><td>${escapeHtml(names.get(order.customerId) ?? '-')}</td><td>${escapeHtml(ORDER_STATUS[order.status.toLowerCase()] ?? order.status)}</td><td>${escapeHtml(notes.get(order.id) ?? '-')}</td><td class="n">${order.orderItems.length}</td><td class="n">${money.format(order.total)}</td><td>${order.statusProcessed ? 'sim' : 'não'}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Pedido</th><th>Data</th><th>Cliente</th><th>Situação</th><th>Nota fiscal / rastreio</th><th>Itens</th><th>Total</th><th>Recebido pelo ERP</th></tr></thead><tbody>${rows}</tbody></table>${pager(query, 'pedidos', page, hasMore, 'pedidos')}`;
};

const STYLE = `body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1f2933;max-width:72rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccd;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
td.n{text-align:right;white-space:nowrap}tr.off td,.off{color:#9aa5b1}small{color:#616e7c}
.note{color:#616e7c;font-size:.9rem}.pager a{margin:0 .5rem}ul{margin:.2rem 0 .2rem 1rem;padding-left:.5rem}
form{margin:.5rem 0}input{padding:.25rem .4rem}`;

/** The whole page, as HTML (no script: the sandbox only serves it). */
export const renderStorePage = (input: StorePageInput): string => {
  const { catalog, orders, query, storeId } = input;
  const productsPage = pageNumber(query.get('produtos'));
  const ordersPage = pageNumber(query.get('pedidos'));
  const search = (query.get('busca') ?? '').trim().slice(0, 100);
  const products = productPage(catalog, productsPage, search);
  // The variant's own price and stock are the default table's and warehouse's; others go below them.
  const prices = catalog.otherPriceTables.size ? ` (tabela ${DEFAULT_PRICE_TABLE})` : '';
  const stock = catalog.otherWarehouses.size ? ` (depósito ${DEFAULT_WAREHOUSE})` : '';
  return `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><title>Loja sandbox — demonstração</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<h1>Loja sandbox (demonstração) — somente leitura</h1>
<p class="note">O que o integrador enviou a esta loja simulada. Identificação da loja: ${escapeHtml(storeId)}.
${integer.format(catalog.departments.size)} departamentos, ${integer.format(catalog.products.size)} produtos, ${integer.format(orders.count)} pedidos.</p>
<h2 id="departamentos">Departamentos</h2>
${departmentTree(catalog)}
<h2 id="produtos">Produtos</h2>
<form method="get" action="#produtos"><label>Buscar por nome ou código ERP: <input name="busca" value="${escapeHtml(search)}"></label>
<input type="hidden" name="pedidos" value="${ordersPage}"> <button type="submit">Buscar</button></form>
${
  products.items.length
    ? `<p class="note">${integer.format(products.matched)} produto(s)${search ? ` com “${escapeHtml(search)}”` : ''}.</p>
<table><thead><tr><th>Código ERP</th><th>Nome</th><th>Departamento</th><th>Preço${prices}</th><th>Estoque${stock}</th><th>Situação</th></tr></thead>
<tbody>${productRows(catalog, products.items)}</tbody></table>
${pager(query, 'produtos', productsPage, products.hasMore, 'produtos')}`
    : `<p>${search ? 'Nenhum produto encontrado.' : 'Nenhum produto ainda.'}</p>`
}
<h2 id="pedidos">Pedidos</h2>
${ordersSection(input, ordersPage)}
</body></html>`;
};
