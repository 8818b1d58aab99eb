import { expect, test } from '@playwright/test';
import { saveScreen } from './screens';

test('the dashboard shows the engine state and pauses / resumes it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: 'Painel' })).toBeVisible();
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
  const main = page.getByRole('main');
  await expect(main.getByTestId('engine-state')).toHaveText('Em execução');
  await main.getByRole('button', { name: 'Pausar' }).click();
  await expect(main.getByTestId('engine-state')).toHaveText('Pausado');
  await expect(page.getByRole('banner').getByTestId('engine-state')).toHaveText('Pausado');
  await main.getByRole('button', { name: 'Retomar' }).click();
  await expect(main.getByTestId('engine-state')).toHaveText('Em execução');
  // The demo's engine runs its schedules at start: "Executar agora" starts the runs again and the last run
  // is a moment of today.
  await main.getByRole('button', { name: 'Executar agora', exact: true }).click();
  await expect(page.getByTestId('last-run')).toHaveText(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/, {
    timeout: 30_000,
  });
});

test('the Painel shows each branch with a row per job: state, last run with counts, next run, queue, pendências', async ({
  page,
}) => {
  await page.goto('/');
  for (const code of ['1', '2']) {
    const branch = page.getByTestId(`sync-branch-${code}`);
    await expect(branch).toBeVisible();
    await expect(branch.getByRole('row')).toHaveCount(9);
    await expect(branch.getByTestId('budget-left')).toBeVisible();
    await expect(branch.getByTestId('drain-time')).toBeVisible();
  }
  const branch = page.getByTestId('sync-branch-1');
  await expect(branch.getByRole('heading', { name: /Filial 1\s*— MATRIZ PORTO ALEGRE/ })).toBeVisible();
  const orders = page.getByTestId('job-1-orders');
  await expect(orders.getByTestId('job-state')).not.toHaveText('Indisponível');
  await expect(orders.getByText('Disponível em breve')).toHaveCount(0);
  // The demo ran the catalogue at start: reconcile read the whole catalogue.
  const reconcile = page.getByTestId('job-1-reconcile');
  await expect(reconcile.getByTestId('count-read')).not.toHaveText('—');
  await expect(reconcile.getByTestId('job-state')).toHaveText(/Aguardando|Em execução|Com erro/);
  await saveScreen(page, '22-painel-sincronizacao');
});

test('a run started from the Painel goes on live and ends with its counts', async ({ page }) => {
  // A reconcile reads the whole demo catalogue and may wait its turn behind the other branch's catalogue
  // run (they share one store): on a loaded machine that takes longer than the default waits.
  test.setTimeout(150_000);
  await page.goto('/');
  const row = page.getByTestId('job-1-reconcile');
  await expect(row.getByTestId('last-run-line')).toBeVisible();
  await row.getByRole('button', { name: 'Executar agora: Reconciliação' }).click();
  const started = page.getByText(/^Reconciliação \(filial 1\): execução nº \d+ iniciada\.$/);
  await expect(started).toBeVisible();
  const runId = /nº (\d+)/.exec((await started.textContent()) ?? '')?.[1];
  // Progress shows while it runs (from the sync.run events); then the finished run with its counts.
  await expect(row.getByTestId('last-run-line')).toHaveAttribute('data-run-id', runId!, { timeout: 60_000 });
  await expect(row.getByTestId('job-state')).not.toHaveText('Em execução', { timeout: 60_000 });
  await expect(row.getByTestId('count-read')).toHaveText(/^[1-9]\d*$/);
  await expect(row.getByTestId('count-storeCalls')).toHaveText(/^\d+$/);
});

test('the first-sync preview shows counts by record and action, store calls and time, and sends nothing', async ({
  page,
}) => {
  await page.goto('/');
  await page
    // Branch 2 shares the demo store with branch 1 and its first sync outruns the store's hourly budget:
    // its preview always has something to send.
    .getByTestId('sync-branch-2')
    .getByRole('button', { name: 'Prévia da primeira sincronização' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Prévia da primeira sincronização — filial 2' });
  await expect(dialog.getByTestId('preview-nothing-sent')).toContainText('Nada foi enviado à loja');
  await expect(dialog.getByTestId('preview-store-calls')).toContainText(/\d+/);
  await expect(dialog.getByTestId('preview-estimated')).toContainText('chamadas por hora');
  await expect(dialog.getByTestId('preview-actions')).toBeVisible();
  // What the preview finds depends on what the demo has already sent: at least one record and action.
  await expect(dialog.getByTestId('preview-actions').getByRole('row')).not.toHaveCount(1);
  // A sample of what would be sent, when the demo has not sent everything already (its timing varies with
  // the machine's load): its JSON opens.
  const sample = dialog.getByTestId('preview-samples').getByRole('button').first();
  if ((await sample.count()) > 0) {
    await sample.click();
    await expect(dialog.locator('pre').filter({ visible: true })).toContainText('{');
  }
  await saveScreen(page, '23-painel-previa');
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await expect(dialog).toHaveCount(0);
});
