import { expect, test } from '@playwright/test';
import { switchLanguage } from './language';
import { saveScreen } from './screens';

test.describe('Monitorar → Pendências', () => {
  test('grouped by kind with counts; filter a group, retry selected and a whole group, ignore with a reason, history', async ({
    page,
  }) => {
    await page.goto('/#/monitorar/pendencias');
    await expect(page.getByRole('heading', { level: 2, name: 'Pendências' })).toBeVisible();
    // The demo's catalogue has a few products whose barcode has a wrong check digit (every 97th).
    const groups = page.getByTestId('pending-groups');
    const waiting = groups.getByTestId('pending-group-ean_invalido');
    await expect(async () => {
      await page.reload();
      await expect(waiting).toBeVisible();
    }).toPass({ timeout: 60_000, intervals: [2_000] });
    await expect(waiting).toContainText('EAN inválido');
    await saveScreen(page, '23-pendencias');

    // Show the group: the address and the table follow it.
    await waiting.getByRole('button', { name: 'Ver' }).click();
    await expect(page).toHaveURL(/kind=ean_invalido/);
    const table = page.getByTestId('pending-table');
    const rows = table.locator('tbody tr');
    await expect(rows.first()).toContainText('EAN inválido');
    await expect(rows.first()).toContainText(/CODPROD \d+/);
    await expect(rows.first()).toContainText('Como corrigir:');

    // Retry two selected rows; the first one is ignored afterwards, found again by its product code (the
    // retry re-runs the jobs, which may reorder the table).
    const key = ((await rows.first().getByTestId('pending-link').first().textContent()) ?? '').replace(
      'CODPROD ',
      '',
    );
    // The same product waits in each branch: the row is told by its branch as well.
    const where = (await rows.first().locator('td').nth(1).locator('p').first().textContent()) ?? '';
    expect(where).toMatch(/· Filial \d+$/);
    const rowOfKey = () =>
      rows
        .filter({ has: page.getByTestId('pending-link').getByText(`CODPROD ${key}`, { exact: true }) })
        .filter({ has: page.getByText(where, { exact: true }) });
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Tentar de novo as selecionadas (2)' }).click();
    await expect(
      page.getByText(/^2 pendência\(s\) marcada\(s\) para nova tentativa; \d+ tarefa\(s\) iniciada\(s\)\.$/),
    ).toBeVisible();

    // Ignore the first retried one with a reason: too short first, then a real one.
    await page.getByRole('textbox', { name: 'Texto' }).fill(key);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    const first = rowOfKey();
    await expect(first).toHaveCount(1);
    await first.getByRole('button', { name: 'Ignorar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ignorar 1 pendência(s)' });
    await dialog.getByLabel('Motivo').fill('x');
    await dialog.getByRole('button', { name: 'Ignorar' }).click();
    await expect(
      dialog.getByText('Explique em poucas palavras por que ignorar (ao menos 3 letras).'),
    ).toBeVisible();
    await dialog.getByLabel('Motivo').fill('Produto fora de linha (teste e2e)');
    await saveScreen(page, '24-pendencias-ignorar');
    await dialog.getByRole('button', { name: 'Ignorar' }).click();
    await expect(page.getByText('1 pendência(s) ignorada(s).')).toBeVisible();

    // The ignored one, under the "Ignorada" state, says who and why; its history shows the steps.
    await page.getByRole('combobox', { name: 'Situação' }).click();
    await page.getByRole('option', { name: 'Ignorada' }).click();
    await page.getByRole('textbox', { name: 'Texto' }).fill(key);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    const ignored = rowOfKey();
    await expect(ignored).toContainText('Ignorada por navegador');
    await expect(ignored).toContainText('Produto fora de linha (teste e2e)');
    await ignored.getByRole('button', { name: 'Histórico' }).click();
    const history = page.getByTestId('pending-history');
    await expect(history).toContainText('Tentativa com falha');
    await expect(history).toContainText('Nova tentativa pedida');
    await expect(history).toContainText('Ignorada');
    await expect(history).toContainText('navegador');
    await saveScreen(page, '25-pendencias-historico');
    await page.keyboard.press('Escape');

    // Retry the whole group of open ones: the answer says how many.
    await page.getByRole('button', { name: 'Limpar filtros' }).click();
    await expect(page).toHaveURL(/#\/monitorar\/pendencias$/);
    const group = page.getByTestId('pending-group-ean_invalido');
    const retryGroup = group.getByRole('button', { name: /^Tentar de novo o grupo \(\d+\)$/ });
    const countOf = async () => Number(((await retryGroup.textContent()) ?? '').match(/\((\d+)\)/)?.[1] ?? 0);
    // The groups of every open one (not the one ignored filter's single row).
    await expect.poll(countOf).toBeGreaterThan(1);
    const count = await countOf();
    // The answers of the earlier retry must be gone first, or two notices would match below.
    const anyRetryNotice = page.getByText(/pendência\(s\) marcada\(s\) para nova tentativa/);
    await expect(anyRetryNotice).toHaveCount(0, { timeout: 20_000 });
    await retryGroup.click();
    // The answer says how many it retried: the group as the server found it (the jobs started by the first
    // retry may have resolved or opened a few meanwhile).
    const told = page.getByText(
      /^\d+ pendência\(s\) marcada\(s\) para nova tentativa; \d+ tarefa\(s\) iniciada\(s\)\.$/,
    );
    await expect(told).toBeVisible();
    const retried = Number(((await told.textContent()) ?? '').split(' ')[0]);
    expect(Math.abs(retried - count)).toBeLessThanOrEqual(10);
    expect(retried).toBeGreaterThan(1);
  });

  test('the screen in English: kinds, messages and fixes from their keys', async ({ page }) => {
    await page.goto('/#/monitorar/pendencias');
    await expect(page.getByTestId('pending-table').locator('tbody tr').first()).toBeVisible({
      timeout: 60_000,
    });
    await switchLanguage(page, 'en');
    try {
      await expect(page.getByRole('heading', { level: 2, name: 'Pending items' })).toBeVisible();
      await expect(page.getByTestId('pending-groups')).toContainText('Invalid EAN');
      await expect(page.getByTestId('pending-table')).toContainText(
        /Product \d+ has no valid EAN: barcode \d+ has a wrong check digit/,
      );
      await expect(page.getByTestId('pending-table')).toContainText(
        'How to fix: Correct the barcode (CODAUXILIAR) in the product register',
      );
      // Every message and fix said in English from its values: no pt-BR sentence, no empty placeholder (ADR 0032).
      const table = page.getByTestId('pending-table');
      await expect(table).not.toContainText('{{');
      await expect(table).not.toContainText(/Produto \d+|Como resolver/);
      await saveScreen(page, '26-pendencias-english');
    } finally {
      await switchLanguage(page, 'pt-BR');
    }
  });

  test('an order pendência in both languages: the order import passes the values its English words need', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    // Place, in the demo store (its API, as `POST orders` in the README), a copy of an order with a CPF of
    // three digits: the order import makes it one pendência naming the field.
    await page.goto('/');
    const status = await (
      await page.request.post('/api/app.status', { data: {}, headers: { 'x-wtc-client': 'ui' } })
    ).json();
    const store = new URL(status.result.demoStoreUrl as string).origin;
    const auth = { Authorization: 'Bearer demo-sandbox-token' };
    const listed = (await (
      await page.request.get(`${store}/api/v1/orders?limit=50`, { headers: auth })
    ).json()) as Array<Record<string, unknown> & { status: string; billing: Record<string, unknown> }>;
    const model = listed.find((order) => order.status === 'PaymentApproved');
    expect(model).toBeDefined();
    const { id: _id, statusProcessed: _p, createdAt: _c, updatedAt: _u, ...copy } = model!;
    const placed = await page.request.post(`${store}/api/v1/orders`, {
      data: { ...copy, billing: { ...copy.billing, documentId: '123' } },
      headers: auth,
    });
    expect(placed.status()).toBe(201);
    const orderId = String(((await placed.json()) as { id: number }).id);

    // "Executar agora" until the orders job has read it (a run already going when it was placed may not).
    const row = page.getByTestId('pending-table').locator('tbody tr').first();
    await expect(async () => {
      await page.goto('/');
      await page.getByRole('main').getByRole('button', { name: 'Executar agora', exact: true }).click();
      await page.goto(`/#/monitorar/pendencias?text=${orderId}`);
      await expect(row).toContainText(
        `Pedido ${orderId}: CPF/CNPJ inválido "123" (billing.documentId): 3 dígitos.`,
        { timeout: 5_000 },
      );
    }).toPass({ timeout: 120_000, intervals: [3_000] });
    await expect(row).toContainText('CPF/CNPJ inválido');
    await saveScreen(page, '27-pendencias-pedido');
    await switchLanguage(page, 'en');
    try {
      await expect(row).toContainText(
        `Order ${orderId}: invalid CPF/CNPJ "123" (billing.documentId): wrong number of digits.`,
      );
      await expect(row).toContainText(
        'How to fix: Correct the customer’s CPF (11 digits) or CNPJ (14 digits) in the store',
      );
      await expect(row).toContainText('Invalid CPF/CNPJ');
      await saveScreen(page, '28-pendencias-pedido-english');
    } finally {
      await switchLanguage(page, 'pt-BR');
    }
  });
});
