import { expect, test } from '@playwright/test';
import { saveScreen } from './screens';

// The e2e host is `serve --demo --port <E2E_PORT>` on Linux (#12): not the Windows service, and its port
// chosen by --port, not by Configuração → Servidor web.

test('the Painel says "Sem janela" for serve, not the Windows service', async ({ page }) => {
  await page.goto('/');
  const main = page.getByRole('main');
  await expect(main.getByText('Modo', { exact: true })).toBeVisible();
  await expect(main.getByText('Sem janela', { exact: true })).toBeVisible();
  await expect(main.getByText(/Serviço/)).toHaveCount(0);
});

const E2E_PORT = Number(process.env.WTC_E2E_PORT ?? 7585);

test('Servidor web says that --port overrides the saved port, and the port in use', async ({ page }) => {
  await page.goto('/#/configuracao');
  const server = page.getByRole('form', { name: 'Servidor web' });
  await expect(server.getByLabel('Porta')).toHaveValue('7585');
  await expect(server.getByTestId('port-override')).toHaveText(
    `A interface está na porta ${E2E_PORT}, definida por --port ao iniciar o integrador: esta porta só vale quando --port não for usado.`,
  );
  await server.scrollIntoViewIfNeeded();
  await saveScreen(page, '70-configuracao-porta-definida-por-port');
});
