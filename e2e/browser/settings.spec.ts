import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from './screens';

/** Adds a branch on Configuração with a store URL and token, saves, reloads, and returns its row. */
const addBranch = async (page: Page, branch: { name: string; url: string; token: string }) => {
  await page.goto('/#/configuracao');
  const branches = page.getByRole('form', { name: 'Filiais e loja virtual' });
  await branches.getByRole('button', { name: 'Adicionar filial' }).click();
  const last = branches.getByTestId(/^branch-\d+$/).last();
  await last.getByLabel('Nome').fill(branch.name);
  await last.getByLabel('URL da loja virtual').fill(branch.url);
  await last.getByLabel('Token').fill(branch.token);
  await branches.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('Configurações salvas.')).toBeVisible();
  await page.reload();
  return page
    .getByRole('form', { name: 'Filiais e loja virtual' })
    .getByTestId(/^branch-\d+$/)
    .last();
};

test('a branch store URL and token are saved, and the token never comes back in clear', async ({ page }) => {
  const saved = await addBranch(page, {
    name: 'Loja Centro',
    url: 'https://127.0.0.1:9/loja-centro', // loopback, closed port: the engine's calls never leave the machine
    token: 'tk-segredo-e2e-123',
  });
  await expect(saved.getByLabel('Nome')).toHaveValue('Loja Centro');
  await expect(saved.getByLabel('Token')).toHaveValue('••••••••');
  await saveScreen(page, '12-configuracao-filial-salva');

  const response = await page.request.post('/api/settings.get', {
    data: {},
    headers: { 'x-wtc-client': 'ui' },
  });
  expect(response.ok()).toBe(true);
  const body = await response.text();
  expect(body).toContain('Loja Centro');
  expect(body).not.toContain('tk-segredo-e2e-123');
});

test('a saved token does not follow a changed store URL: the user is asked to type it again', async ({
  page,
}) => {
  const saved = await addBranch(page, {
    name: 'Loja Norte',
    url: 'https://127.0.0.1:9/loja-norte',
    token: 'tk-norte-e2e-456',
  });
  await expect(saved.getByLabel('Token')).toHaveValue('••••••••');
  await saved.getByLabel('URL da loja virtual').fill('https://127.0.0.1:9/outra-loja');
  await page
    .getByRole('form', { name: 'Filiais e loja virtual' })
    .getByRole('button', { name: 'Salvar' })
    .click();
  await expect(page.getByText(/a URL da loja mudou/)).toBeVisible();
  await saveScreen(page, '13b-configuracao-token-url-mudou');

  await saved.getByLabel('Token').fill('tk-outra-e2e-789');
  await page
    .getByRole('form', { name: 'Filiais e loja virtual' })
    .getByRole('button', { name: 'Salvar' })
    .click();
  await expect(page.getByText('Configurações salvas.')).toBeVisible();
});

test('bad input gets a clear message naming the field, and nothing is saved', async ({ page }) => {
  await page.goto('/#/configuracao');
  const server = page.getByRole('form', { name: 'Servidor web' });
  await server.getByLabel('Endereço de escuta').fill('0.0.0.0');
  await server.getByRole('button', { name: 'Salvar' }).click();
  await expect(
    server.getByText('Senha de acesso: defina uma senha antes de abrir a porta a outras máquinas.'),
  ).toBeVisible();
  await saveScreen(page, '13-configuracao-erro');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Servidor web' }).getByLabel('Endereço de escuta')).toHaveValue(
    '127.0.0.1',
  );
});

test('a page without the session cookie cannot call the API', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const response = await context.request.post(`${baseURL}/api/app.status`, {
    data: {},
    headers: { 'x-wtc-client': 'ui' },
  });
  expect(response.status()).toBe(401);
  expect(await response.text()).toContain('Sessão ausente ou inválida');
  await context.close();
});
