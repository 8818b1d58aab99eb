import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipToMap } from '../../src-main/runtime/diagnostics/unzip.test-support';
import { saveScreen } from './screens';

test('Este computador: folders, no login item in the service, and a diagnostic package without secrets', async ({
  page,
}) => {
  await page.goto('/#/configuracao');
  const card = page.getByRole('region', { name: 'Este computador' });
  await expect(card.getByText(/^Versão \d+\.\d+\.\d+ · sem janela/)).toBeVisible();
  await expect(card.getByText(/e2e-data$/).first()).toBeVisible();
  // The browser UI of the headless host (what the service serves): Windows starts it, not the login.
  const toggle = card.getByRole('switch', { name: /^Iniciar com o Windows/ });
  await expect(toggle).toBeDisabled();
  await expect(card.getByText(/quem o inicia é o serviço, não o login/)).toBeVisible();
  await saveScreen(page, '40-configuracao-este-computador');

  const downloadPromise = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Gerar pacote de diagnóstico' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^diagnostico-integrador-\d{8}T\d{6}\.zip$/);
  await expect(
    page.getByText(/^Pacote de diagnóstico gerado: diagnostico-integrador-.*\.zip \(\d+ KiB\)\.$/),
  ).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot taken scrolled repeats the header
  await saveScreen(page, '41-configuracao-pacote-de-diagnostico-gerado');

  const files = await unzipToMap(readFileSync((await download.path())!));
  expect([...files.keys()]).toEqual(
    expect.arrayContaining([
      'LEIA-ME.txt',
      'versoes.json',
      'configuracoes.json',
      'pre-requisitos.json',
      'motor.json',
    ]),
  );
  const settings = JSON.parse(files.get('configuracoes.json')!.toString('utf8'));
  expect(settings.branches[0].store.token).toBe('[removido]');
  for (const [name, content] of files)
    expect(content.toString('utf8'), name).not.toContain('demo-sandbox-token');
  // The demo's embedded WinThor answers the prerequisites check.
  expect(JSON.parse(files.get('pre-requisitos.json')!.toString('utf8')).checks[0]).toMatchObject({
    id: 'connection',
    status: 'ok',
  });
});
