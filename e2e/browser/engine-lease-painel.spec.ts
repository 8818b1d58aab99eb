import { expect, test } from '@playwright/test';
import { LEASE_HOST } from '../lease-env';
import { switchLanguage } from './language';
import { saveScreen } from './screens';

const home = `http://localhost:${LEASE_HOST.port}/`;
const { hostName } = LEASE_HOST.other;

// Runs before engine-lease.spec.ts (file order): the lease host is still in standby, nobody has "Assumir"-ed.
test("Painel in standby: the jobs' ▷ are disabled saying why, and no next run is promised", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(home);
  const main = page.getByRole('main');
  await expect(main.getByTestId('engine-state')).toHaveText('Em espera', { timeout: 20_000 });

  const jobs = main.getByTestId('jobs-1');
  const runStock = jobs.getByRole('button', { name: 'Executar agora: Estoque' });
  await expect(runStock).toBeDisabled();
  await expect(runStock).toHaveAttribute(
    'title',
    new RegExp(`^Em espera: outro integrador está ativo neste banco \\(host ${hostName}, `),
  );
  for (const button of await jobs.getByRole('button').all()) await expect(button).toBeDisabled();
  // The schedules fire nothing here: "em espera" where a next time would be.
  await expect(main.getByTestId('job-1-stock').getByTestId('next-run-standby')).toHaveText('em espera');
  await runStock.locator('..').hover();
  await expect(page.getByRole('tooltip')).toContainText('para ele rodar, use "Assumir" no Painel');
  await saveScreen(page, '64-painel-em-espera-botoes');

  // English: "standby" for next runs, the lease's time in the UI's time format ("03:57 AM").
  await switchLanguage(page, 'en');
  await expect(main.getByTestId('job-1-stock').getByTestId('next-run-standby')).toHaveText('standby');
  await expect(main.getByTestId('engine-summary')).toHaveText(/, since \d\d:\d\d [AP]M\)$/);
  await saveScreen(page, '65-dashboard-standby-buttons-en');
  await switchLanguage(page, 'pt-BR');
});
