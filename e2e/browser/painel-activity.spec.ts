import { expect, test } from '@playwright/test';
import { switchLanguage } from './language';
import { saveScreen } from './screens';

test('the Painel shows per branch store calls and errors per hour over 24 h and 7 days, the budget and open pendências', async ({
  page,
}) => {
  await page.goto('/');
  const activity = page.getByRole('region', { name: 'Atividade por filial' });
  await expect(activity).toBeVisible();
  const branch1 = activity.getByTestId('activity-1');
  await expect(branch1).toContainText('Filial 1 — MATRIZ PORTO ALEGRE');
  await expect(branch1).toContainText(/Chamadas à loja: \d+/);
  await expect(branch1).toContainText(/Erros: \d+/);
  await expect(branch1).toContainText('Chamadas restantes nesta hora');
  // The demo's first reconcile leaves pendências: the health says something waits for a person.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('health')).toContainText(/Atenção.*pendência\(s\) aberta\(s\)/);
  }).toPass({ timeout: 30_000, intervals: [2_000] });
  await expect(page.getByTestId('activity-1')).toContainText('EAN inválido');
  await saveScreen(page, '32-painel-atividade-24h');
  await page.getByText('7 dias').click();
  // Seven days of hours: the axis now names days (dd/mm), not only hours.
  await expect(
    page.getByTestId('activity-1').locator('.recharts-cartesian-axis-tick-value').first(),
  ).toHaveText(/\d{2}\/\d{2}/);
  await saveScreen(page, '33-painel-atividade-7d');
  await switchLanguage(page, 'en');
  try {
    await expect(page.getByRole('region', { name: 'Activity per branch' })).toBeVisible();
    await expect(page.getByTestId('health')).toContainText(
      /Warning.*open pending item\(s\) waiting for a fix/,
    );
    await expect(page.getByTestId('health')).not.toContainText('{{');
    await saveScreen(page, '34-painel-atividade-english');
  } finally {
    await switchLanguage(page, 'pt-BR');
  }
});
