import { expect, test } from '@playwright/test';
import { saveScreen } from './screens';

test.describe('Testar conexão com a loja', () => {
  test('the demo branch reaches the store sandbox with its saved token', async ({ page }) => {
    await page.goto('/#/configuracao');
    const branch = page.getByTestId('branch-0');
    await expect(branch.getByLabel('Filial', { exact: true })).toHaveValue('1');
    await expect(branch.getByLabel('URL da loja virtual')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+/);
    await branch.getByRole('button', { name: 'Testar conexão' }).click();
    const result = page.getByTestId('store-test-1');
    await expect(result).toContainText('Loja conectada');
    await expect(result).toContainText('x-apilimit-remaining');
    await saveScreen(page, '17-configuracao-testar-conexao');
  });

  test('a wrong token is named as the problem', async ({ page }) => {
    await page.goto('/#/configuracao');
    const branch = page.getByTestId('branch-0');
    await branch.getByLabel('Token').fill('token-errado');
    await branch.getByRole('button', { name: 'Testar conexão' }).click();
    const result = page.getByTestId('store-test-1');
    await expect(result).toContainText('Falha na conexão com a loja');
    await expect(result).toContainText('Verifique o token.');
  });

  test('a URL without https is refused with the fix', async ({ page }) => {
    await page.goto('/#/configuracao');
    const branch = page.getByTestId('branch-0');
    await branch.getByLabel('URL da loja virtual').fill('http://www.minhaloja.com.br');
    await branch.getByRole('button', { name: 'Testar conexão' }).click();
    const result = page.getByTestId('store-test-1');
    await expect(result).toContainText('Falha na conexão com a loja');
    await expect(result).toContainText(/https/);
    await expect(result).toContainText('Verifique a URL da loja.');
  });

  test('the dashboard shows each store connection and its remaining budget', async ({ page }) => {
    await page.goto('/');
    const table = page.getByTestId('store-state');
    await expect(table).toContainText('MATRIZ');
    await expect(table).toContainText('Normal');
    await saveScreen(page, '18-painel-lojas');
  });
});
