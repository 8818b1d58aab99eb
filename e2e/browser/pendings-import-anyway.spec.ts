import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { SqliteDb } from '../../src-main/winthor/db/sqlite-db';
import { demoDatabasePath } from '../../src-main/winthor/demo/demo-database';
import { saveScreen } from './screens';

/** The demo's embedded WinThor (the data folder playwright.config.ts gives `serve --demo`). */
const demoWinthor = () =>
  new SqliteDb({
    file: demoDatabasePath(fileURLToPath(new URL('../../test-results/e2e-data', import.meta.url))),
  });

const ui = { 'x-wtc-client': 'ui' };

const stagedCount = async (storeOrderId: string): Promise<number> => {
  const db = demoWinthor();
  try {
    const row = await db.queryOne(`SELECT COUNT(*) AS N FROM PCPEDCFV WHERE PCPEDCFV.NUMPEDCLI = :id`, {
      id: storeOrderId,
    });
    return Number(row?.N ?? 0);
  } finally {
    await db.close();
  }
};

/**
 * A genuine second order that the second guard (ADR 0214) holds: in WinThor, an order typed by hand with the
 * store order number it will have (NUMPEDCLI), the same customer and RCA as an order the demo imported; then,
 * in the demo store, a copy of that order under that number. Returns the store order id and the WinThor NUMPED.
 */
const placeHeldOrder = async (page: Page): Promise<{ orderId: string; numped: number }> => {
  const db = demoWinthor();
  let model: Record<string, unknown> | undefined;
  try {
    // An order the demo staged and WinThor's (simulated) importer already brought into PCPEDC.
    await expect
      .poll(
        async () =>
          (model = await db.queryOne(
            `SELECT PCPEDC.* FROM PCPEDC
              WHERE PCPEDC.NUMPEDCLI IS NOT NULL AND COALESCE(PCPEDC.POSICAO, ' ') <> 'C'
                AND EXISTS (SELECT 1 FROM PCPEDCFV WHERE PCPEDCFV.NUMPED = PCPEDC.NUMPED)
              ORDER BY PCPEDC.NUMPED`,
          )),
        { timeout: 90_000, intervals: [2_000] },
      )
      .toBeDefined();
    const orderId = String(980_000 + (Date.now() % 19_000));
    const numped = Number((await db.queryOne(`SELECT MAX(PCPEDC.NUMPED) AS N FROM PCPEDC`))!.N) + 1;
    const typed = { ...model!, NUMPED: numped, NUMPEDCLI: orderId, POSICAO: 'L' };
    const columns = Object.keys(typed);
    await db.execute(
      `INSERT INTO PCPEDC (${columns.join(', ')}) VALUES (${columns.map((c) => `:${c}`).join(', ')})`,
      typed as Record<string, string | number | null>,
    );

    const status = await (await page.request.post('/api/app.status', { data: {}, headers: ui })).json();
    const store = new URL(status.result.demoStoreUrl as string).origin;
    const auth = { Authorization: 'Bearer demo-sandbox-token' };
    const original = (await (
      await page.request.get(`${store}/api/v1/orders/${String(model!.NUMPEDCLI)}`, { headers: auth })
    ).json()) as Record<string, unknown>;
    const { id: _id, statusProcessed: _p, createdAt: _c, updatedAt: _u, ...copy } = original;
    const placed = await page.request.post(`${store}/api/v1/orders`, {
      data: { ...copy, id: Number(orderId), status: 'PaymentApproved' },
      headers: auth,
    });
    expect(placed.status()).toBe(201);
    expect(((await placed.json()) as { id: number }).id).toBe(Number(orderId));
    return { orderId, numped };
  } finally {
    await db.close();
  }
};

interface Ticket {
  runId: number;
}

/** Asks the orders job of every branch and waits until each of those runs (started or already going) ended. */
const waitForOrdersRun = async (page: Page): Promise<void> => {
  const asked = (await (
    await page.request.post('/api/sync.run', { data: { job: 'orders' }, headers: ui })
  ).json()) as { result: { started: Ticket[]; alreadyRunning: Ticket[] } };
  const ids = [...asked.result.started, ...asked.result.alreadyRunning].map((t) => t.runId);
  expect(ids.length).toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const answer = (await (
          await page.request.post('/api/sync.runs', { data: { job: 'orders', limit: 50 }, headers: ui })
        ).json()) as { result: { runs: Array<{ id: number; finishedAt: string | null }> } };
        return ids.every((id) => answer.result.runs.find((run) => run.id === id)?.finishedAt);
      },
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(true);
};

test.describe('Pendências → "Importar mesmo assim" (ADR 0219)', () => {
  test('a possible duplicate is imported anyway after the confirmation: staged once, the pendência resolved', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.goto('/');
    const { orderId, numped } = await placeHeldOrder(page);

    // "Executar agora" until the orders job has read it: it waits as a possible duplicate.
    const table = page.getByTestId('pending-table');
    const row = table.locator('tbody tr').filter({ hasText: `Pedido ${orderId}:` });
    await expect(async () => {
      await page.goto('/');
      await page.getByRole('main').getByRole('button', { name: 'Executar agora', exact: true }).click();
      await page.goto(`/#/monitorar/pendencias?text=${orderId}`);
      await expect(row).toContainText('possível pedido duplicado', { timeout: 5_000 });
    }).toPass({ timeout: 150_000, intervals: [3_000] });
    await expect(row).toContainText(`é o pedido ${numped} do WinThor`);
    expect(await stagedCount(orderId)).toBe(0);

    // Only a possible duplicate offers it: none among the EAN pendências.
    await page.goto('/#/monitorar/pendencias?kind=ean_invalido');
    await expect(table.locator('tbody tr').first()).toContainText('EAN inválido');
    await expect(table.getByRole('button', { name: 'Ignorar' }).first()).toBeVisible();
    await expect(table.getByRole('button', { name: 'Importar mesmo assim' })).toHaveCount(0);

    await page.goto(`/#/monitorar/pendencias?text=${orderId}`);
    const pendingId = Number(((await row.getAttribute('data-testid')) ?? '').replace('pending-', ''));
    expect(pendingId).toBeGreaterThan(0);
    // Cancel first: nothing happens.
    await row.getByRole('button', { name: 'Importar mesmo assim' }).click();
    let dialog = page.getByRole('dialog', { name: 'Importar mesmo assim?' });
    await expect(dialog).toContainText(
      `O pedido ${orderId} da loja parece com o pedido ${numped} do WinThor`,
    );
    await expect(dialog).toContainText(
      'Só a proteção contra pedido duplicado é pulada, e só para este pedido',
    );
    // Found in WinThor: the reason given is the store order number typed by hand there.
    await expect(dialog).toContainText('coincide com um pedido lançado à mão no WinThor');
    await saveScreen(page, '29-pendencias-importar-mesmo-assim');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await expect(dialog).toBeHidden();
    expect(await stagedCount(orderId)).toBe(0);

    await row.getByRole('button', { name: 'Importar mesmo assim' }).click();
    dialog = page.getByRole('dialog', { name: 'Importar mesmo assim?' });
    await dialog.getByRole('button', { name: 'Importar mesmo assim' }).click();
    const notice = page.getByTestId('import-anyway-notice');
    await expect(notice).toContainText(`Pedido ${orderId}`);
    // The orders job started by the decision imports it; a run that was already going may have passed it,
    // then the pendência is asked again (as "Tentar de novo" would).
    await expect(async () => {
      if (!((await notice.textContent()) ?? '').includes('importado mesmo assim'))
        await page.request.post('/api/pendings.retry', { data: { ids: [pendingId] }, headers: ui });
      await expect(notice).toContainText(
        `Pedido ${orderId} importado mesmo assim: gravado para importação no WinThor; a pendência foi resolvida.`,
        { timeout: 15_000 },
      );
    }).toPass({ timeout: 150_000, intervals: [2_000] });
    await expect(row).toHaveCount(0);
    await saveScreen(page, '30-pendencias-importado-mesmo-assim');
    expect(await stagedCount(orderId)).toBe(1);

    // Among the resolved ones, with the decision (who) in its history.
    await page.goto(`/#/monitorar/pendencias?status=resolved&text=${orderId}`);
    await expect(row).toContainText('Resolvida');
    await row.getByRole('button', { name: 'Histórico' }).click();
    const history = page.getByTestId('pending-history');
    await expect(history).toContainText('Importar mesmo assim (decisão do operador)');
    await expect(history).toContainText('navegador');
    await expect(history).toContainText(`não o pedido ${numped} do WinThor`);
    await expect(row.getByRole('button', { name: 'Importar mesmo assim' })).toHaveCount(0);
    await page.keyboard.press('Escape');

    // Another run: the order is not staged again — checked once that orders run has ended, not after a
    // fixed time (the run asked now, or the one already going that it answers with).
    await page.goto('/');
    await page.getByRole('main').getByRole('button', { name: 'Executar agora', exact: true }).click();
    await waitForOrdersRun(page);
    expect(await stagedCount(orderId)).toBe(1);
  });
});
