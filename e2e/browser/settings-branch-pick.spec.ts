import { expect, test } from '@playwright/test';
import { saveScreen } from './screens';

/** The token the demo gives its store sandbox (runtime/demo/demo-settings.ts, DEMO_STORE_TOKEN). */
const DEMO_STORE_TOKEN = 'demo-sandbox-token';

test('Configuração: the branch is picked from the WinThor list (PCFILIAL) and its name comes with it', async ({
  page,
}) => {
  await page.goto('/#/configuracao');
  const branches = page.getByRole('form', { name: 'Filiais e loja virtual' });
  const second = branches.getByTestId('branch-1');
  await expect(second.getByRole('combobox', { name: 'Filial' })).toHaveValue('2');
  const sandboxUrl = await second.getByLabel('URL da loja virtual').inputValue();

  // Every WinThor branch is configured: a new row gets the next number, and is told it is not in WinThor.
  await branches.getByRole('button', { name: 'Adicionar filial' }).click();
  await expect(branches.getByTestId('branch-2').getByRole('combobox', { name: 'Filial' })).toHaveValue('3');
  await expect(branches.getByTestId('branch-not-in-winthor-2')).toHaveText(
    'Filial 3 não existe no WinThor (PCFILIAL) ou está desativada.',
  );

  // Remove branch 2, then pick it from the list in the new row.
  await second.getByRole('button', { name: 'Remover filial 2' }).click();
  const added = branches.getByTestId('branch-1');
  await added.getByRole('combobox', { name: 'Filial' }).click();
  await expect(page.getByRole('option', { name: /^1 — MATRIZ PORTO ALEGRE/ })).toContainText(
    'já configurada',
  );
  await saveScreen(page, '21-configuracao-filial-do-winthor');
  await page.getByRole('option', { name: '2 — FILIAL SAO PAULO' }).click();
  await expect(added.getByRole('combobox', { name: 'Filial' })).toHaveValue('2');
  await expect(added.getByLabel('Nome')).toHaveValue('FILIAL SAO PAULO');
  await expect(branches.getByTestId('branch-not-in-winthor-1')).toHaveCount(0);
  await added.getByLabel('URL da loja virtual').fill(sandboxUrl);
  await added.getByLabel('Token').fill(DEMO_STORE_TOKEN);
  await branches.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('Configurações salvas.')).toBeVisible();

  await page.reload();
  const saved = page.getByRole('form', { name: 'Filiais e loja virtual' }).getByTestId('branch-1');
  await expect(saved.getByRole('combobox', { name: 'Filial' })).toHaveValue('2');
  await expect(saved.getByLabel('Nome')).toHaveValue('FILIAL SAO PAULO');
  await expect(page.getByTestId(/^branch-\d+$/)).toHaveCount(1 + 1);
});
