import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { switchLanguage } from './language';
import { saveScreen } from './screens';

test.describe('Monitorar → Logs', () => {
  test.beforeEach(async ({ page }) => {
    // Enough lines for more than one page: the demo's first runs, and one more round from the Painel.
    await page.goto('/');
    await page.getByRole('main').getByRole('button', { name: 'Executar agora', exact: true }).click();
  });

  test('filters, pages, opens a line with its run, exports the filter as CSV', async ({ page }) => {
    await page.goto('/#/monitorar/logs');
    await expect(page.getByRole('heading', { level: 2, name: 'Logs' })).toBeVisible();
    const table = page.getByTestId('log-table');
    // Each round of runs writes its lines when each run ends: run rounds until there are two pages of 25.
    await expect(async () => {
      await page.goto('/');
      await page.getByRole('main').getByRole('button', { name: 'Executar agora', exact: true }).click();
      await page.goto('/#/monitorar/logs');
      await expect(table.getByTestId('log-line').first()).toBeVisible();
      expect(await table.getByTestId('log-line').count()).toBeGreaterThan(25);
    }).toPass({ timeout: 45_000, intervals: [2_000] });

    // Pages of 25 lines: the next page starts below the last line of this one.
    await page.getByRole('combobox', { name: 'Linhas por página' }).click();
    await page.getByRole('option', { name: '25 por página' }).click();
    await expect(table.getByTestId('log-line')).toHaveCount(25);
    const firstOfPage1 = await table.getByTestId('log-line').first().textContent();
    await page.getByRole('button', { name: 'Mais antigas' }).click();
    await expect(page.getByTestId('log-page')).toHaveText('Página 2');
    await expect(table.getByTestId('log-line').first()).not.toHaveText(firstOfPage1 ?? '');
    await page.getByRole('button', { name: 'Mais recentes' }).click();
    await expect(page.getByTestId('log-page')).toHaveText('Página 1');

    // Filter by job and text: the address keeps the filter, every line shown matches it.
    await page.getByRole('combobox', { name: 'Tarefa / entidade' }).click();
    await page.getByRole('option', { name: 'Reconciliação' }).click();
    await page.getByRole('textbox', { name: 'Texto' }).fill('lidos');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect(page).toHaveURL(/#\/monitorar\/logs\?entity=reconcile&text=lidos$/);
    const lines = table.getByTestId('log-line');
    await expect(lines.first()).toContainText('Reconciliação');
    for (const text of await lines.allTextContents()) expect(text).toMatch(/Reconciliação.*lidos/);
    await saveScreen(page, '20-logs-filtrados');

    // A line's details: its run, with the counts; a link to every line of the run.
    await lines.first().click();
    const details = page.getByTestId('log-details');
    await expect(details).toContainText('Execução');
    await expect(details).toContainText('Contagens');
    await saveScreen(page, '21-logs-detalhes');
    await details.getByRole('link', { name: /Ver todas as linhas da execução \d+/ }).click();
    await expect(page).toHaveURL(/#\/monitorar\/logs\?run=\d+$/);
    await expect(table.getByTestId('log-line').first()).toBeVisible();

    // CSV of the filter.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^logs-integrador-\d{12}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFData e hora;Nível;Filial;Tarefa;Execução;Mensagem');
    expect(csv.split('\r\n').length).toBeGreaterThan(2);
    await expect(page.getByText(/linha\(s\) exportada\(s\)\./)).toBeVisible();
  });

  test('live tail shows new runs on top; the screen in English', async ({ page }) => {
    await page.goto('/#/monitorar/logs');
    const lines = page.getByTestId('log-line');
    await expect(lines.first()).toBeVisible();
    const newest = (await lines.first().textContent()) ?? '';
    const live = page.getByRole('switch', { name: /^Ao vivo/ });
    await live.focus();
    await page.keyboard.press('Space');
    await expect(live).toBeChecked();
    // The scheduler's next round (started here through the API, as a timer would): its lines come on top
    // without reloading the page.
    const started = await page.request.post('/api/engine.runNow', {
      data: {},
      headers: { 'x-wtc-client': 'ui' },
    });
    expect(started.ok()).toBe(true);
    await expect(lines.first()).not.toHaveText(newest, { timeout: 30_000 });
    await switchLanguage(page, 'en');
    try {
      await expect(page.getByRole('heading', { level: 2, name: 'Logs' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Date and time' })).toBeVisible();
      await saveScreen(page, '22-logs-english');
    } finally {
      await switchLanguage(page, 'pt-BR');
    }
  });
});
