import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('settings are exported without secrets and imported back, keeping the stored token', async ({
  page,
}) => {
  await page.goto('/#/configuracao');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar configurações' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^integrador-winthor-ciashop-\d{8}T\d{6}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported.branches[0].store.token).toBe('••••••••');
  expect(JSON.stringify(exported)).not.toContain('demo-sandbox-token');

  exported.branches[0].name = 'MATRIZ IMPORTADA';
  await page.locator('input[type="file"]').setInputFiles({
    name: 'config.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(page.getByText('Configurações importadas.')).toBeVisible();
  await page.reload();
  const branch = page.getByTestId('branch-0');
  await expect(branch.getByLabel('Nome')).toHaveValue('MATRIZ IMPORTADA');
  await branch.getByRole('button', { name: 'Testar conexão' }).click();
  await expect(page.getByTestId('store-test-1')).toContainText('Loja conectada');
});

test('a file that is not settings is refused with a clear message', async ({ page }) => {
  await page.goto('/#/configuracao');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('isto não é json') });
  await expect(page.getByRole('alert')).toContainText('Arquivo "x.json": o conteúdo não é um JSON válido.');

  // Valid JSON that is not an export (a project file, say) is refused too, and nothing changes.
  const branchesBefore = await page.getByTestId(/^branch-\d+$/).count();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'tsconfig.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"compilerOptions": {"strict": true}}'),
  });
  await expect(page.getByRole('alert')).toContainText('não é um arquivo de configurações do integrador');
  await page.reload();
  await expect(page.getByTestId(/^branch-\d+$/)).toHaveCount(branchesBefore);
});
