import { expect, type Page } from '@playwright/test';

/** Switches the UI language with the header's selector (the choice is saved in the settings). */
export const switchLanguage = async (page: Page, to: 'en' | 'pt-BR'): Promise<void> => {
  const from = to === 'en' ? 'Idioma' : 'Language';
  await page.getByRole('combobox', { name: from }).click();
  await page.getByRole('option', { name: to === 'en' ? 'English' : 'Português (Brasil)' }).click();
  await expect(page.getByRole('combobox', { name: to === 'en' ? 'Language' : 'Idioma' })).toBeVisible();
};
