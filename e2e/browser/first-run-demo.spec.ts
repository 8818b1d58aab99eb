import { expect, test } from '@playwright/test';
import { saveScreen } from './screens';

test('the demo takes every step of "Primeiros passos" by itself but those that need a person, and says which', async ({
  page,
}) => {
  await page.goto('/');
  const main = page.getByRole('main');
  const guide = main.getByTestId('setup-guide');
  // Steps 1–5 done by the demo itself: they are not listed on the Painel, and the engine runs.
  await expect(guide).toBeVisible();
  await expect(page.getByRole('banner').getByTestId('engine-state')).not.toHaveText(
    'Aguardando configuração',
  );
  await expect(guide.getByTestId('setup-waiting')).toHaveCount(0);
  for (const id of ['database', 'prerequisites', 'schema', 'store', 'schedules'])
    await expect(guide.getByTestId(`setup-step-${id}`)).toHaveCount(0);
  await expect(guide).toContainText('Demonstração: ela faz sozinha todos os passos');
  // What the demo leaves to a person: the alert e-mail (its store's order codes all come mapped).
  await expect(guide.getByTestId('setup-step-email').getByTestId('setup-step-needs-person')).toHaveText(
    'Precisa de você',
  );
  await saveScreen(page, '54-primeiros-passos-demo');

  // The whole guide, from the menu: every step with its state; the done ones as the demo left them.
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Primeiros passos' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Primeiros passos' })).toBeVisible();
  const full = page.getByTestId('setup-guide');
  for (const id of ['database', 'prerequisites', 'schema', 'store', 'schedules'])
    await expect(full.getByTestId(`setup-step-${id}`).getByTestId('setup-step-state')).toHaveText('Feito');
  await expect(full.getByTestId('setup-step-store').getByTestId('setup-step-detail')).toHaveText(
    'Loja testada: filial 1, 2.',
  );
  // The demo's preset mappings cover every code its orders use (read beside the demo's own sync).
  await expect(full.getByTestId('setup-step-mappings').getByTestId('setup-step-state')).toHaveText('Feito', {
    timeout: 30_000,
  });

  // A step that needs a person, taken by a person: the preview of both branches, from the Painel.
  await full.getByTestId('setup-step-firstSync').getByRole('link', { name: 'Ir ao Painel' }).click();
  for (const code of ['1', '2']) {
    await page
      .getByTestId(`sync-branch-${code}`)
      .getByRole('button', { name: 'Prévia da primeira sincronização' })
      .click();
    const dialog = page.getByRole('dialog', { name: `Prévia da primeira sincronização — filial ${code}` });
    await expect(dialog.getByTestId('preview-nothing-sent')).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Fechar' }).click();
  }
  // Measured again: the preview is no longer what step 8 asks for; what is left, if anything, is a run of
  // each branch that ends well (the demo's schedules run them; branch 2 outruns the store's budget).
  await page.goto('/#/primeiros-passos');
  await expect(page.getByTestId('setup-step-firstSync').getByTestId('setup-step-detail')).not.toContainText(
    'Prévia da',
    { timeout: 20_000 },
  );
  await expect(page.getByTestId('setup-step-firstSync').getByTestId('setup-step-detail')).toHaveText(
    /primeira sincronização feita|rode a primeira sincronização/,
  );
  await saveScreen(page, '55-primeiros-passos-demo-completo');
});

test('the Painel shows the engine state once, and "Executar agora" waits while paused', async ({ page }) => {
  await page.goto('/');
  const main = page.getByRole('main');
  const card = main.getByTestId('engine-state').locator('xpath=ancestor::div[contains(@class,"Card")][1]');
  await expect(main.getByTestId('engine-state')).toHaveText('Em execução');
  // The state word is the badge's; the line beside it says only what the badge does not.
  await expect(card.getByText('Em execução')).toHaveCount(1);
  await main.getByRole('button', { name: 'Pausar' }).click();
  await expect(main.getByTestId('engine-state')).toHaveText('Pausado');
  await expect(main.getByRole('button', { name: 'Executar agora', exact: true })).toBeDisabled();
  await main.getByRole('button', { name: 'Retomar' }).click();
  await expect(main.getByTestId('engine-state')).toHaveText('Em execução');
  await expect(main.getByRole('button', { name: 'Executar agora', exact: true })).toBeEnabled();
  await expect(main.getByText('O integrador está pausado')).toHaveCount(0);
});
