import { expect, test } from '@playwright/test';
import { LEASE_HOST } from '../lease-env';
import { switchLanguage } from './language';
import { saveScreen } from './screens';

const home = `http://localhost:${LEASE_HOST.port}/`;
const { hostName, dataDir } = LEASE_HOST.other;

test('an integrator on a WinThor database another engine holds waits, says who, and "Assumir" takes it over', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(home);
  const main = page.getByRole('main');
  const header = page.getByRole('banner');

  // "Em espera": the header badge, the Painel's state and who holds the database (machine, folder, since when).
  await expect(header.getByTestId('engine-state')).toHaveText('Em espera', { timeout: 20_000 });
  await expect(main.getByTestId('engine-state')).toHaveText('Em espera');
  await expect(main.getByTestId('engine-summary')).toHaveText(
    new RegExp(
      `^outro integrador está ativo neste banco \\(host ${hostName}, pasta ${dataDir.replace(/\\/g, '\\\\')}, desde \\d\\d:\\d\\d\\)$`,
    ),
  );
  await expect(main.getByRole('button', { name: 'Executar agora', exact: true })).toBeDisabled();
  await saveScreen(page, '60-em-espera-outro-integrador');

  // Agendamento: each job's "Executar agora" is disabled in standby, saying why (as the Painel's button).
  await page.goto(`${home}#/cadastrar/agendamento`);
  const runButtons = main.getByRole('button', { name: 'Executar agora', exact: true });
  await expect(runButtons.first()).toBeVisible();
  expect(await runButtons.count()).toBeGreaterThan(1);
  for (const button of await runButtons.all()) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute(
      'title',
      new RegExp(`^Em espera: outro integrador está ativo neste banco \\(host ${hostName}, `),
    );
  }
  await runButtons.first().locator('..').hover();
  await expect(page.getByRole('tooltip')).toContainText('para ele rodar, use "Assumir" no Painel');
  await saveScreen(page, '60b-agendamento-em-espera');
  await page.goto(home);
  await expect(main.getByTestId('engine-state')).toHaveText('Em espera');

  // The same in English.
  await switchLanguage(page, 'en');
  await expect(header.getByTestId('engine-state')).toHaveText('Standby');
  await expect(main.getByTestId('engine-summary')).toHaveText(
    new RegExp(
      `^another integrator is active on this database \\(host ${hostName}, folder ${dataDir.replace(/\\/g, '\\\\')}, since \\d\\d:\\d\\d [AP]M\\)$`,
    ),
  );
  await expect(main.getByRole('button', { name: 'Take over', exact: true })).toBeVisible();
  await saveScreen(page, '61-standby-another-integrator-en');
  await switchLanguage(page, 'pt-BR');

  // "Assumir" asks first; "Cancelar" changes nothing.
  await main.getByRole('button', { name: 'Assumir', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Assumir este banco do WinThor?' });
  await expect(dialog).toContainText(`O integrador da máquina ${hostName} (pasta ${dataDir})`);
  await saveScreen(page, '62-assumir-confirmacao');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(dialog).toBeHidden();
  await expect(main.getByTestId('engine-state')).toHaveText('Em espera');

  // Confirmed: this integrator holds the database and stops waiting; the other one's renewals now lose.
  await main.getByRole('button', { name: 'Assumir', exact: true }).click();
  await dialog.getByRole('button', { name: 'Assumir o banco' }).click();
  await expect(dialog).toBeHidden();
  await expect(main.getByTestId('engine-state')).not.toHaveText('Em espera');
  await expect(header.getByTestId('engine-state')).not.toHaveText('Em espera');
  await expect(main.getByRole('button', { name: 'Assumir', exact: true })).toHaveCount(0);
  // The other engine renews every second: this one keeps the database.
  await page.waitForTimeout(2500);
  await page.reload();
  await expect(main.getByTestId('engine-state')).toBeVisible();
  await expect(main.getByTestId('engine-state')).not.toHaveText('Em espera');
  await saveScreen(page, '63-assumido');
});
