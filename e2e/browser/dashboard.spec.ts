import { expect, test } from '@playwright/test';

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
  await main.getByRole('button', { name: 'Executar agora' }).click();
  await expect(page.getByTestId('last-run')).toHaveText(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/, {
    timeout: 30_000,
  });
});
