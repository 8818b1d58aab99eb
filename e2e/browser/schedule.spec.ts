import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from './screens';

/** Picks `option` in the Mantine select labelled `label` (inside `scope`, the page by default). */
const choose = async (page: Page, label: string, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

test.describe('Cadastrar → Agendamento', () => {
  // One schedule followed through its life on branch 2: each step a test, in order.
  test.describe.configure({ mode: 'serial' });

  const open = async (page: Page) => {
    await page.goto('/#/cadastrar/agendamento');
    await expect(page.getByRole('heading', { level: 2, name: 'Agendamento' })).toBeVisible();
    await choose(page, 'Filial', '2 — FILIAL SAO PAULO');
    await expect(page).toHaveURL(/filial=2/);
    await expect(page.getByTestId('schedules').getByRole('row').nth(1)).toBeVisible();
  };

  test('lists the branch schedules, every job of this version with its "Executar agora"', async ({
    page,
  }) => {
    await open(page);
    await expect(page.getByTestId('schedules').getByRole('row')).toHaveCount(9);
    const orders = page.getByTestId('schedule-orders');
    await expect(orders.getByText('Disponível em breve')).toHaveCount(0);
    await expect(orders.getByRole('button', { name: 'Executar agora', exact: true })).toBeEnabled();
  });

  test('adds a schedule (a 0 interval is refused, naming the field and the fix)', async ({ page }) => {
    await open(page);
    const form = page.getByRole('form', { name: 'Novo agendamento' });
    await choose(page, 'Tipo de agendamento', 'Preço');
    await choose(page, 'Tipo de intervalo', 'Horas');
    await form.getByRole('textbox', { name: 'Intervalo' }).fill('0');
    await form.getByRole('button', { name: 'Adicionar' }).click();
    await expect(form.getByText('Intervalo: informe um número inteiro de 1 a 9999.')).toBeVisible();
    await form.getByRole('textbox', { name: 'Intervalo' }).fill('2');
    await form.getByRole('button', { name: 'Adicionar' }).click();
    await expect(page.getByText('Agendamento adicionado.')).toBeVisible();
    const added = page.getByTestId('schedule-prices-2');
    await expect(added).toContainText('a cada 2 horas');
    await expect(added.getByText(/^em (1|2) horas?$/)).toBeVisible();
  });

  test('edits and disables it; both are kept after a reload', async ({ page }) => {
    await open(page);
    const added = page.getByTestId('schedule-prices-2');
    await added.getByRole('button', { name: 'Editar' }).click();
    const edit = page.getByRole('form', { name: 'Editar agendamento' });
    await expect(edit.getByRole('textbox', { name: 'Intervalo' })).toHaveValue('2');
    await edit.getByRole('textbox', { name: 'Intervalo' }).fill('3');
    await edit.getByRole('button', { name: 'Salvar alteração' }).click();
    await expect(page.getByText('Agendamento salvo.')).toBeVisible();
    await expect(added).toContainText('a cada 3 horas');

    // Mantine draws the switch over a visually hidden checkbox (force: click it where the user clicks); it
    // turns off once the save answers.
    await added.getByRole('switch').click({ force: true });
    await expect(page.getByText('Agendamento desativado.')).toBeVisible();
    await expect(added.getByText('Desativado')).toBeVisible();

    await page.reload();
    const reloaded = page.getByTestId('schedule-prices-2');
    await expect(reloaded).toContainText('a cada 3 horas');
    await expect(reloaded.getByRole('switch')).not.toBeChecked();
    await expect(page.getByRole('combobox', { name: 'Filial' })).toHaveValue('2 — FILIAL SAO PAULO');
  });

  test('"Executar agora" answers with the run number, and the row shows that run once it ends', async ({
    page,
  }) => {
    await open(page);
    const stock = page.getByTestId('schedule-stock');
    await stock.getByRole('button', { name: 'Executar agora', exact: true }).click();
    const started = page.getByText(/^Estoque \(filial 2\): execução nº \d+ iniciada\.$/);
    await expect(started).toBeVisible();
    const runId = /nº (\d+)/.exec((await started.textContent()) ?? '')?.[1];
    await expect(stock.getByTestId('last-run')).toHaveAttribute('data-run-id', runId!);
    await expect(stock.getByTestId('run-counts')).toContainText('Lidos');
    await saveScreen(page, '19-agendamento');
  });

  test('removes it after a confirmation; it stays removed after a reload', async ({ page }) => {
    await open(page);
    await page.getByTestId('schedule-prices-2').getByRole('button', { name: 'Remover' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText('Remover o agendamento "Preço — a cada 3 horas"?');
    await confirm.getByRole('button', { name: 'Remover' }).click();
    await expect(page.getByText('Agendamento removido.')).toBeVisible();
    await expect(page.getByTestId('schedule-prices-2')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('schedule-stock')).toBeVisible();
    await expect(page.getByTestId('schedule-prices-2')).toHaveCount(0);
  });

  test('a cron expression replaces the interval; a malformed one is refused with the fix; the screen in English', async ({
    page,
  }) => {
    await page.goto('/#/cadastrar/agendamento?filial=1');
    const form = page.getByRole('form', { name: 'Novo agendamento' });
    await choose(page, 'Tipo de agendamento', 'Reconciliação');
    await form.getByRole('textbox', { name: 'Expressão cron' }).fill('toda noite');
    await expect(form.getByRole('textbox', { name: 'Intervalo' })).toBeDisabled();
    await form.getByRole('button', { name: 'Adicionar' }).click();
    await expect(
      form.getByText(
        'Expressão cron: use 5 campos (minuto hora dia mês dia-da-semana), ex.: "*/15 * * * *".',
      ),
    ).toBeVisible();
    await form.getByRole('textbox', { name: 'Expressão cron' }).fill('30 2 * * *');
    await form.getByRole('button', { name: 'Adicionar' }).click();
    await expect(page.getByText('Agendamento adicionado.')).toBeVisible();
    const nightly = page.getByTestId('schedule-reconcile-2');
    await expect(nightly).toContainText('cron 30 2 * * *');
    // Its next run comes from the scheduler: 02:30 (today or another day).
    await expect(nightly.getByText(/^(\d{2}\/\d{2} )?02:30$/)).toBeVisible();

    try {
      await page.getByRole('combobox', { name: 'Idioma' }).click();
      await page.getByRole('option', { name: 'English' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Schedule' })).toBeVisible();
      await expect(page.getByTestId('schedule-orders')).toContainText('Order');
      await expect(page.getByTestId('schedule-stock')).toContainText('every 15 minutes');
      await saveScreen(page, '20-agendamento-english');
    } finally {
      // The language is a setting: put pt-BR back even if a step failed, for the tests after this one.
      await page.request.post('/api/settings.update', {
        data: { language: 'pt-BR' },
        headers: { 'x-wtc-client': 'ui' },
      });
    }
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Agendamento' })).toBeVisible();

    await nightly.getByRole('button', { name: 'Remover' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remover' }).click();
    await expect(page.getByTestId('schedule-reconcile-2')).toHaveCount(0);
  });
});
