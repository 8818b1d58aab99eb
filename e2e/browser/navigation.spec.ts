import { expect, test } from '@playwright/test';
import { saveScreen } from './screens';

const MENU: Array<{ group?: string; label: string; heading: string; hash: string; file: string }> = [
  { label: 'Painel', heading: 'Painel', hash: '#/', file: '01-painel' },
  { label: 'Configuração', heading: 'Configuração', hash: '#/configuracao', file: '02-configuracao' },
  { group: 'Cadastrar', label: 'E-mail', heading: 'E-mail', hash: '#/cadastrar/email', file: '03-email' },
  {
    group: 'Cadastrar',
    label: 'Agendamento',
    heading: 'Agendamento',
    hash: '#/cadastrar/agendamento',
    file: '04-agendamento',
  },
  {
    group: 'Cadastrar',
    label: 'Cobrança',
    heading: 'Cobrança',
    hash: '#/cadastrar/cobranca',
    file: '05-cobranca',
  },
  {
    group: 'Cadastrar',
    label: 'Plano de Pagamento',
    heading: 'Plano de Pagamento',
    hash: '#/cadastrar/plano-pagamento',
    file: '06-plano-pagamento',
  },
  {
    group: 'Cadastrar',
    label: 'Transportadora',
    heading: 'Transportadora',
    hash: '#/cadastrar/transportadora',
    file: '07-transportadora',
  },
  { group: 'Monitorar', label: 'Logs', heading: 'Logs', hash: '#/monitorar/logs', file: '08-logs' },
  {
    group: 'Monitorar',
    label: 'Pendências',
    heading: 'Pendências',
    hash: '#/monitorar/pendencias',
    file: '09-pendencias',
  },
  { label: 'Banco de Dados', heading: 'Banco de Dados', hash: '#/banco-de-dados', file: '10-banco-de-dados' },
];

test('every menu entry opens its screen (pt-BR), with a screenshot of each', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Menu principal' });
  await expect(nav.getByText('Cadastrar')).toBeVisible();
  await expect(nav.getByText('Monitorar')).toBeVisible();
  for (const entry of MENU) {
    await nav.getByRole('link', { name: entry.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${entry.hash.replace(/[/#]/g, '\\$&')}$`));
    await expect(page.getByRole('heading', { level: 2, name: entry.heading })).toBeVisible();
    await saveScreen(page, entry.file);
  }
});

test('the UI can be switched to English and back, and the choice is kept', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Idioma' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  const nav = page.getByRole('navigation', { name: 'Menu principal' });
  await expect(nav.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Dashboard' })).toBeVisible();
  await saveScreen(page, '11-painel-english');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Português (Brasil)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Painel' })).toBeVisible();
});
