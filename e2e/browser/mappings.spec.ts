import { expect, test, type Locator, type Page } from '@playwright/test';
import { saveScreen } from './screens';

/*
 * Cadastrar → Cobrança, Plano de Pagamento, Transportadora on the demo: WinThor's lists come from the demo
 * WinThor (PCCOB, PCPLPAG, carriers in PCFORNEC); the codes seen come from the order import's record of the
 * demo store's 40 orders (payment methods CreditCard, Boleto, Pix, DebitCard; shipping methods 1–4), or, on
 * branch 2 (whose orders branch 1 imports), from a sample of the store. Each test uses its own kind (and
 * plans use branch 2), so they do not depend on each other's leftovers.
 */

/**
 * The demo comes with mappings for most of its store's codes (so its orders import); these tests start each
 * screen from an empty list, through the same API the screen uses.
 */
test.beforeEach(async ({ page }) => {
  await page.goto('/');
  for (const branch of ['1', '2'])
    for (const kind of ['billing', 'plans', 'carriers']) {
      const response = await page.request.post('/api/mappings.save', {
        data: { branch, kind, rows: [] },
        headers: { 'x-wtc-client': 'ui' },
      });
      expect(response.ok()).toBe(true);
    }
});

const warnings = (page: Page): Locator =>
  page.getByRole('region', { name: 'Códigos vistos nos pedidos sem mapeamento' });
const list = (page: Page, branch: string): Locator =>
  page.getByRole('table', { name: `Mapeamentos da filial ${branch}` });

/** Picks a WinThor code: opens the searchable list, types to filter, clicks the option. */
const pickWinthor = async (page: Page, label: string, search: string, option: RegExp) => {
  const select = page.getByRole('combobox', { name: label });
  await select.click();
  await select.fill(search);
  await page.getByRole('option', { name: option }).click();
  await expect(select).toHaveValue(option);
};

const pickBranch = async (page: Page, label: RegExp) => {
  await page.getByRole('combobox', { name: 'Filial' }).click();
  await page.getByRole('option', { name: label }).click();
};

/** A full-page screenshot from the top (the form scrolls the page; the header is fixed). */
const screen = async (page: Page, name: string) => {
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreen(page, name);
};

const add = async (page: Page) => {
  await page.getByRole('button', { name: 'Adicionar' }).click();
  await expect(page.getByText('Mapeamento adicionado.').first()).toBeVisible();
};

test('Cobrança: map a payment method seen on orders, type one by hand, edit, remove; kept after reload', async ({
  page,
}) => {
  await page.goto('/#/cadastrar/cobranca');
  await expect(page.getByRole('heading', { level: 2, name: 'Cobrança' })).toBeVisible();
  for (const code of ['CreditCard', 'Boleto', 'Pix', 'DebitCard'])
    await expect(warnings(page).getByText(code, { exact: true })).toBeVisible();
  // The order import's record (WTC_STORE_CODE) of the demo orders it read, or (its tables re-installed by
  // the Banco de Dados test) a sample of the store's waiting orders.
  await expect(warnings(page)).toContainText(/Registrados pela importação|aguardando importação na loja/);
  await expect(page.getByText('Nenhum mapeamento nesta filial ainda.')).toBeVisible();
  await screen(page, '20-cobranca-avisos');

  // One click on "Mapear" fills the store's code; the WinThor code comes from PCCOB.
  await warnings(page).getByRole('button', { name: 'Mapear Pix' }).click();
  const storeCode = page.getByRole('combobox', { name: 'Forma de pagamento na loja' });
  await expect(storeCode).toHaveValue('Pix');
  await pickWinthor(page, 'Cobrança no WinThor', 'pix', /^PIX — PIX/);
  await add(page);
  await expect(list(page, '1')).toContainText('PIX — PIX');
  await expect(warnings(page).getByText('Pix', { exact: true })).toHaveCount(0);

  // Typed by hand, with a description.
  await storeCode.fill('CreditCard');
  await pickWinthor(page, 'Cobrança no WinThor', 'cart', /^CART — CARTAO DE CREDITO/);
  await page.getByRole('textbox', { name: 'Descrição (opcional)' }).fill('Cartão de crédito');
  await add(page);
  await expect(storeCode).toHaveValue('');

  // The same store code again is refused on the field, before anything is saved.
  await storeCode.fill(' creditcard ');
  await pickWinthor(page, 'Cobrança no WinThor', 'bk', /^BK — BOLETO BANCARIO/);
  await page.getByRole('button', { name: 'Adicionar' }).click();
  await expect(page.getByText('O código "creditcard" já está mapeado nesta filial')).toBeVisible();

  await page.reload();
  await expect(list(page, '1')).toContainText('PIX — PIX');
  await expect(list(page, '1')).toContainText('CART — CARTAO DE CREDITO');
  await expect(list(page, '1')).toContainText('Cartão de crédito');
  await expect(warnings(page).getByText('Boleto', { exact: true })).toBeVisible();
  await expect(warnings(page).getByText('CreditCard', { exact: true })).toHaveCount(0);

  // Edit: CreditCard now goes to BK.
  await list(page, '1').getByRole('button', { name: 'Editar CreditCard' }).click();
  await expect(page.getByRole('form', { name: 'Editar mapeamento de "CreditCard"' })).toBeVisible();
  await pickWinthor(page, 'Cobrança no WinThor', 'bol', /^BK — BOLETO BANCARIO/);
  await page.getByRole('button', { name: 'Salvar alteração' }).click();
  await expect(page.getByText('Mapeamento alterado.').first()).toBeVisible();
  await expect(list(page, '1').getByRole('row', { name: /CreditCard/ })).toContainText('BK — BOLETO');

  // Remove Pix, after confirming: its warning comes back.
  await list(page, '1').getByRole('button', { name: 'Remover Pix' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
  await expect(page.getByText('Mapeamento removido.').first()).toBeVisible();
  await expect(warnings(page).getByText('Pix', { exact: true })).toBeVisible();

  await page.reload();
  await expect(list(page, '1').getByRole('row', { name: /CreditCard/ })).toContainText('BK — BOLETO');
  await expect(list(page, '1')).not.toContainText('PIX — PIX');
  await screen(page, '21-cobranca');
});

test('Cobrança in two windows: a change made on a list the other window changed is refused, and the list reloads', async ({
  page,
  context,
}) => {
  const rows = [
    { storeCode: 'Boleto', winthorCode: 'BK', description: '' },
    { storeCode: 'Pix', winthorCode: 'PIX', description: '' },
  ];
  const saved = await page.request.post('/api/mappings.save', {
    data: { branch: '1', kind: 'billing', rows },
    headers: { 'x-wtc-client': 'ui' },
  });
  expect(saved.ok()).toBe(true);
  await page.goto('/#/cadastrar/cobranca');
  await expect(list(page, '1')).toContainText('PIX — PIX');
  // Window A starts editing Pix (the second row).
  await list(page, '1').getByRole('button', { name: 'Editar Pix' }).click();
  await expect(page.getByRole('form', { name: 'Editar mapeamento de "Pix"' })).toBeVisible();

  // Window B removes Boleto meanwhile.
  const other = await context.newPage();
  await other.goto('/#/cadastrar/cobranca');
  await list(other, '1').getByRole('button', { name: 'Remover Boleto' }).click();
  await other.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
  await expect(other.getByText('Mapeamento removido.').first()).toBeVisible();
  await other.close();

  // Window A saves its edit: refused, nothing of B's change is undone, the list shows what is saved.
  await pickWinthor(page, 'Cobrança no WinThor', 'deb', /^DEB — /);
  await page.getByRole('button', { name: 'Salvar alteração' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    'Os mapeamentos de cobrança da filial 1 foram alterados em outra janela depois que esta tela os leu; nada foi salvo.',
  );
  await expect(alert).toContainText('A lista foi recarregada: confira e refaça a alteração.');
  await expect(list(page, '1')).not.toContainText('Boleto');
  await expect(list(page, '1').getByRole('row', { name: /Pix/ })).toContainText('PIX — PIX');
  await screen(page, '21b-cobranca-outra-janela');

  // Made again on the list as it is now, it is saved.
  await list(page, '1').getByRole('button', { name: 'Editar Pix' }).click();
  await pickWinthor(page, 'Cobrança no WinThor', 'deb', /^DEB — /);
  await page.getByRole('button', { name: 'Salvar alteração' }).click();
  await expect(page.getByText('Mapeamento alterado.').first()).toBeVisible();
  await page.reload();
  await expect(list(page, '1').getByRole('row', { name: /Pix/ })).toContainText('DEB — ');
  await expect(list(page, '1')).not.toContainText('Boleto');
});

test('Plano de Pagamento: per branch, instalments and method:instalments; kept after reload', async ({
  page,
}) => {
  await page.goto('/#/cadastrar/plano-pagamento');
  await expect(page.getByRole('heading', { level: 2, name: 'Plano de Pagamento' })).toBeVisible();
  await pickBranch(page, /^2 — /);
  await expect(page.getByText('Nenhum mapeamento nesta filial ainda.')).toBeVisible();
  await expect(warnings(page).getByRole('button', { name: 'Mapear 1' })).toBeVisible();

  await warnings(page).getByRole('button', { name: 'Mapear 1' }).click();
  await pickWinthor(
    page,
    'Plano de pagamento no WinThor',
    'vista',
    /^1 — A VISTA \(1 parcela\(s\), 0 dias\)/,
  );
  await add(page);
  await expect(warnings(page).getByRole('button', { name: 'Mapear 1' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Parcelas na loja' }).fill('CreditCard:3');
  await pickWinthor(page, 'Plano de pagamento no WinThor', '3x', /^3 — 3X SEM JUROS/);
  await add(page);
  await expect(list(page, '2')).toContainText('CreditCard:3');

  await page.reload();
  // Branch 1 has none of these; branch 2 kept both.
  await expect(list(page, '1')).toHaveCount(0);
  await pickBranch(page, /^2 — /);
  await expect(list(page, '2')).toContainText('1 — A VISTA');
  await expect(list(page, '2')).toContainText('3 — 3X SEM JUROS');

  await list(page, '2').getByRole('button', { name: 'Editar CreditCard:3' }).click();
  await pickWinthor(page, 'Plano de pagamento no WinThor', '10x', /^10 — 10X CARTAO/);
  await page.getByRole('button', { name: 'Salvar alteração' }).click();
  await expect(page.getByText('Mapeamento alterado.').first()).toBeVisible();
  await expect(list(page, '2').getByRole('row', { name: /CreditCard:3/ })).toContainText('10 — 10X CARTAO');
  await expect(page.getByRole('form', { name: 'Novo mapeamento' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Plano de pagamento no WinThor' })).toHaveValue('');
  await screen(page, '22-plano-pagamento');

  await list(page, '2').getByRole('button', { name: 'Remover CreditCard:3' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
  await expect(page.getByText('Mapeamento removido.').first()).toBeVisible();
  await page.reload();
  await pickBranch(page, /^2 — /);
  await expect(list(page, '2')).not.toContainText('CreditCard:3');
  await expect(list(page, '2')).toContainText('1 — A VISTA');
});

test('Transportadora: by id and by name, edit, remove; the screen in English', async ({ page }) => {
  await page.goto('/#/cadastrar/transportadora');
  await expect(page.getByRole('heading', { level: 2, name: 'Transportadora' })).toBeVisible();
  await expect(warnings(page).getByText('Correios PAC')).toBeVisible();

  await warnings(page).getByRole('button', { name: 'Mapear 1' }).click();
  await expect(page.getByRole('textbox', { name: 'Descrição (opcional)' })).toHaveValue('Correios PAC');
  await pickWinthor(page, 'Transportadora no WinThor', 'rapida', /^9 — TRANSPORTADORA RAPIDA SUL/);
  await add(page);

  // A shipping method typed by its name resolves the orders carrying its id too.
  await page.getByRole('combobox', { name: 'Forma de envio na loja' }).fill('Retirada na loja');
  await pickWinthor(page, 'Transportadora no WinThor', 'expresso', /^10 — TRANSPORTADORA EXPRESSO BRASIL/);
  await add(page);
  await expect(warnings(page).getByText('Correios PAC')).toHaveCount(0);
  await expect(warnings(page).getByText('Retirada na loja')).toHaveCount(0);
  await expect(warnings(page).getByText('Correios SEDEX')).toBeVisible();

  await page.reload();
  await expect(list(page, '1')).toContainText('9 — TRANSPORTADORA RAPIDA SUL');
  await expect(list(page, '1')).toContainText('Retirada na loja');
  await list(page, '1').getByRole('button', { name: 'Editar 1' }).click();
  await pickWinthor(page, 'Transportadora no WinThor', 'log', /^11 — TRANSPORTADORA LOG FACIL/);
  await page.getByRole('button', { name: 'Salvar alteração' }).click();
  await expect(page.getByText('Mapeamento alterado.').first()).toBeVisible();
  await list(page, '1').getByRole('button', { name: 'Remover Retirada na loja' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmar' }).click();
  await expect(page.getByText('Mapeamento removido.').first()).toBeVisible();
  await page.reload();
  await expect(list(page, '1').getByRole('row', { name: /Correios PAC/ })).toContainText(
    '11 — TRANSPORTADORA',
  );
  await expect(list(page, '1')).not.toContainText('Retirada na loja');
  await expect(warnings(page).getByText('Retirada na loja')).toBeVisible();
  await screen(page, '23-transportadora');

  await page.getByRole('combobox', { name: 'Idioma' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Carriers' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Codes seen on orders with no mapping' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mappings of branch 1' })).toContainText('Correios PAC');
  await screen(page, '24-transportadora-english');
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Português (Brasil)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Transportadora' })).toBeVisible();
});

/** Saves one branch's mappings of a kind through the API the screens use. */
const saveMappings = async (page: Page, kind: string, rows: Array<[string, string]>) => {
  const response = await page.request.post('/api/mappings.save', {
    data: { branch: '1', kind, rows: rows.map(([storeCode, winthorCode]) => ({ storeCode, winthorCode })) },
    headers: { 'x-wtc-client': 'ui' },
  });
  expect(response.ok()).toBe(true);
};

/**
 * Issue #10: "a mapping screen in Chromium: add a mapping, the waiting order imports". A debit-card order
 * is placed in the demo store (a copy of one of its own orders, so its prices are the demo WinThor's) while
 * every code but DebitCard is mapped → "Executar agora" → its pendência on Pendências → the Cobrança screen
 * lists DebitCard (the order import's record) → "Mapear" + DEB + "Adicionar" → "Executar agora" → the
 * pendência closes and the Logs say the order went to WinThor.
 */
test('a mapping added on the Cobrança screen lets the waiting order import', async ({ page }) => {
  test.setTimeout(120_000);
  await saveMappings(page, 'billing', [
    ['CreditCard', 'CART'],
    ['Boleto', 'BK'],
    ['Pix', 'PIX'],
  ]);
  await saveMappings(page, 'plans', [
    ['1', '1'],
    ['2', '22'],
    ['3', '3'],
    ['4', '24'],
    ['5', '25'],
    ['6', '26'],
  ]);
  await saveMappings(page, 'carriers', [
    ['1', '9'],
    ['2', '9'],
    ['3', '10'],
    ['4', '11'],
  ]);

  // Place a debit-card order in the demo store (its API, as `POST orders` in the README).
  const status = await (
    await page.request.post('/api/app.status', { data: {}, headers: { 'x-wtc-client': 'ui' } })
  ).json();
  const store = new URL(status.result.demoStoreUrl as string).origin;
  const auth = { Authorization: 'Bearer demo-sandbox-token' };
  const listed = (await (
    await page.request.get(`${store}/api/v1/orders?limit=50`, { headers: auth })
  ).json()) as Array<Record<string, unknown> & { payments: Array<{ method: string }>; status: string }>;
  const model = listed.find(
    (order) => order.payments[0]?.method === 'DebitCard' && order.status === 'PaymentApproved',
  );
  expect(model).toBeDefined();
  const { id: _id, statusProcessed: _p, createdAt: _c, updatedAt: _u, ...copy } = model!;
  const placed = await page.request.post(`${store}/api/v1/orders`, { data: copy, headers: auth });
  expect(placed.status()).toBe(201);
  const orderId = String(((await placed.json()) as { id: number }).id);
  const waiting = new RegExp(`Pedido ${orderId}: forma de pagamento "DebitCard" .*sem mapeamento`);

  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Executar agora', exact: true }).click();
  await expect(page.getByText(/^Executar agora: \d+ execução\(ões\) iniciada\(s\)/).first()).toBeVisible();
  await page.goto('/#/monitorar/pendencias');
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(waiting).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await saveScreen(page, '25-pendencia-cobranca');

  // The order import recorded the code: the Cobrança screen lists it at once.
  await page.goto('/#/cadastrar/cobranca');
  await expect(warnings(page)).toContainText('Registrados pela importação');
  await warnings(page).getByRole('button', { name: 'Mapear DebitCard' }).click();
  await pickWinthor(page, 'Cobrança no WinThor', 'deb', /^DEB — CARTAO DE DEBITO/);
  await add(page);
  await expect(warnings(page).getByText('DebitCard', { exact: true })).toHaveCount(0);

  await page.goto('/');
  await page.getByRole('main').getByRole('button', { name: 'Executar agora', exact: true }).click();
  await page.goto('/#/monitorar/pendencias');
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Pendências' })).toBeVisible();
    await expect(page.getByText(waiting)).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  // The order is in WinThor's staging (PCPEDCFV): the order import says so in the Logs.
  await page.goto(`/#/monitorar/logs?text=${encodeURIComponent(`Pedido ${orderId} gravado`)}`);
  await expect(page.getByText(`Pedido ${orderId} gravado para importação no WinThor`).first()).toBeVisible({
    timeout: 30_000,
  });
  await saveScreen(page, '26-pedido-importado');
});
