import { expect, test } from '@playwright/test';
import { saveScreen } from './screens';

test.describe('Banco de Dados', () => {
  test('tests the connection and lists the WinThor prerequisites', async ({ page }) => {
    await page.goto('/#/banco-de-dados');
    const connection = page.getByRole('form', { name: 'Conexão com o banco do WinThor' });
    await expect(connection.getByRole('radio', { name: 'Banco embutido (demonstração)' })).toBeChecked();
    await connection.getByRole('button', { name: 'Testar conexão' }).click();
    await expect(page.getByTestId('db-test-result')).toContainText('Conexão bem-sucedida');

    await page.getByRole('button', { name: 'Verificar pré-requisitos' }).click();
    const table = page.getByTestId('prerequisites');
    await expect(table).toContainText('Parâmetro 2829');
    await expect(table).toContainText('Parâmetro 4014');
    await expect(table).toContainText('Tabelas, sequences e triggers da integração');
    await saveScreen(page, '14-banco-de-dados-prerequisitos');
  });

  test('shows the exact script before removing and installing the integration objects', async ({ page }) => {
    await page.goto('/#/banco-de-dados');
    const installer = page.getByRole('region', { name: 'Tabelas, sequences e triggers da integração' });

    await installer.getByRole('button', { name: 'Ver script de remoção' }).click();
    await expect(page.getByTestId('script')).toContainText('DROP TABLE');
    await installer.getByRole('button', { name: 'Remover objetos da integração' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remover os objetos da integração?' });
    await dialog.getByRole('button', { name: 'Confirmar' }).click();
    await expect(page.getByText(/Objetos da integração removidos/)).toBeVisible();
    await expect(page.getByTestId('script-versions')).toContainText('Versão instalada: 0');

    await installer.getByRole('button', { name: 'Ver script de instalação' }).click();
    await expect(page.getByTestId('script')).toContainText('CREATE TABLE IF NOT EXISTS WTC_CHANGE_QUEUE');
    await saveScreen(page, '15-banco-de-dados-script');
    await installer.getByRole('button', { name: 'Criar tabelas / sequences / triggers' }).click();
    await page
      .getByRole('dialog', { name: 'Executar o script de instalação?' })
      .getByRole('button', { name: 'Confirmar' })
      .click();
    await expect(page.getByText(/Instalação concluída: versão \d+/)).toBeVisible();
    await expect(page.getByTestId('script-versions')).toContainText(
      /Versão instalada: (\d+) · versão deste aplicativo: \1/,
    );
  });

  test('a wrong Oracle address gets one clear message, not a stack trace', async ({ page }) => {
    await page.goto('/#/banco-de-dados');
    const connection = page.getByRole('form', { name: 'Conexão com o banco do WinThor' });
    await connection.getByText('Oracle (WinThor)', { exact: true }).click();
    await expect(connection.getByRole('radio', { name: 'Oracle (WinThor)' })).toBeChecked();
    await connection.getByLabel('Endereço do banco (connect string)').fill('127.0.0.1:1/NAOEXISTE');
    await connection.getByLabel('Usuário').fill('winthor');
    await connection.getByLabel('Senha', { exact: true }).fill('senha');
    await connection.getByRole('button', { name: 'Testar conexão' }).click();
    const result = page.getByTestId('db-test-result');
    await expect(result).toContainText('Falha na conexão', { timeout: 30_000 });
    await expect(result).toContainText('não foi possível conectar ao servidor');
    await expect(result).toContainText('Confira host e porta');
    await expect(result).not.toContainText(/\bat \S+\.(js|ts)|Error:|stack/);
    await saveScreen(page, '16-banco-de-dados-erro-oracle');
  });
});
