import { expect, test } from '@playwright/test';
import { switchLanguage } from './language';
import { saveScreen } from './screens';

test('This computer in English: the service\'s "Start with Windows" note is English too', async ({
  page,
}) => {
  await page.goto('/#/configuracao');
  await switchLanguage(page, 'en');
  try {
    const card = page.getByRole('region', { name: 'This computer' });
    await expect(card.getByRole('switch', { name: /^Start with Windows/ })).toBeDisabled();
    await expect(
      card.getByText(
        'This integrator runs without a window (Windows service or command line): the service starts it, not the logon.',
      ),
    ).toBeVisible();
    await expect(card.getByText(/Este integrador roda sem janela/)).toHaveCount(0);
    await card.scrollIntoViewIfNeeded();
    await saveScreen(page, '42-settings-this-computer-en');
  } finally {
    await switchLanguage(page, 'pt-BR');
  }
});
