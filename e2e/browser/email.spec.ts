import { expect, test, type Page } from '@playwright/test';
import {
  closedPort,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../../src-main/mail/smtp-test-server.test-support';
import { switchLanguage } from './language';
import { saveScreen } from './screens';

const PASSWORD = 'Senha-Do-Smtp-e2e';

const pick = async (page: Page, label: string, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
};

test.describe('Cadastrar → E-mail', () => {
  let smtp: TestSmtpServer;
  test.beforeAll(async () => {
    // A real SMTP server (the smtp-server package) with a login; plain SMTP: the test trusts no certificate.
    smtp = await startTestSmtpServer({ starttls: false, user: 'alertas@empresa.com.br', password: PASSWORD });
  });
  test.afterAll(async () => smtp.close());

  test('save, reload, copies, and "Enviar teste" reaching the server — then a wrong password, port and protocol', async ({
    page,
  }) => {
    await page.goto('/#/cadastrar/email');
    await expect(page.getByRole('heading', { level: 2, name: 'E-mail' })).toBeVisible();
    const enabled = page.getByRole('switch', { name: 'Enviar alertas por e-mail' });
    await enabled.focus();
    await page.keyboard.press('Space');
    await expect(enabled).toBeChecked();
    await page.getByLabel('Servidor SMTP').fill('127.0.0.1');
    await page.getByLabel('Porta').fill(String(smtp.port));
    await pick(page, 'Protocolo', 'SMTP (sem criptografia)');
    await page.getByLabel('Remetente').fill('alertas@empresa.com.br');
    await page.getByLabel('Usuário').fill('alertas@empresa.com.br');
    await page.getByRole('textbox', { name: 'Senha' }).fill(PASSWORD);
    await page.getByLabel('Destinatários').fill('ti@empresa.com.br');

    await page.getByRole('tab', { name: 'E-mails para cópia' }).click();
    await page.getByLabel('Novo endereço').fill('gerente-sem-arroba');
    await page.getByRole('button', { name: 'Adicionar' }).click();
    await expect(page.getByText('Endereço inválido: use o formato nome@empresa.com.br.')).toBeVisible();
    await page.getByLabel('Novo endereço').fill('gerente@empresa.com.br');
    await page.getByRole('button', { name: 'Adicionar' }).click();
    await page.getByLabel('Novo endereço').fill('suporte@empresa.com.br');
    await page.getByLabel('Novo endereço').press('Enter');
    await expect(page.getByTestId('email-copies')).toContainText('gerente@empresa.com.br');
    await saveScreen(page, '27-email-copias');
    await page.getByRole('button', { name: 'Salvar', exact: true }).click();
    await expect(page.getByText('Configuração de e-mail salva.')).toBeVisible();

    // Reload: everything is there, the password only as a mask.
    await page.reload();
    await expect(page.getByLabel('Servidor SMTP')).toHaveValue('127.0.0.1');
    await expect(page.getByLabel('Porta')).toHaveValue(String(smtp.port));
    await expect(page.getByRole('textbox', { name: 'Senha' })).toHaveValue('••••••••');
    await page.getByRole('tab', { name: 'E-mails para cópia' }).click();
    await expect(page.getByTestId('email-copies')).toContainText('suporte@empresa.com.br');
    await page.getByRole('tab', { name: 'Configuração' }).click();
    await saveScreen(page, '28-email-configuracao');

    // The test mail reaches the server, to the recipients and the copies.
    await page.getByRole('button', { name: 'Enviar teste' }).click();
    const result = page.getByTestId('email-test-result');
    await expect(result).toContainText('E-mail de teste enviado');
    await expect(result).toContainText(/Resposta do servidor: 250/);
    await saveScreen(page, '29-email-teste-enviado');
    expect(smtp.received.at(-1)).toMatchObject({
      recipients: ['ti@empresa.com.br', 'gerente@empresa.com.br', 'suporte@empresa.com.br'],
      subject: '[Integrador WinThor Ciashop] E-mail de teste (filial 1)',
      cc: 'gerente@empresa.com.br, suporte@empresa.com.br',
    });

    // A wrong password: the login, with the server's own answer.
    await page.getByRole('textbox', { name: 'Senha' }).fill('senha-errada');
    await page.getByRole('button', { name: 'Enviar teste' }).click();
    await expect(result).toContainText('recusou o usuário ou a senha');
    await expect(result).toContainText('Confira o usuário e a senha.');
    await expect(result).toContainText(/535/);
    await saveScreen(page, '30-email-senha-errada');

    // A wrong port: nothing answers there.
    await page.reload();
    await page.getByLabel('Porta').fill(String(await closedPort()));
    await page.getByRole('button', { name: 'Enviar teste' }).click();
    await expect(result).toContainText(/Nada atende na porta \d+ de 127\.0\.0\.1/);

    // SMTPS against a plain port: TLS.
    await page.reload();
    await pick(page, 'Protocolo', 'SMTPS (SSL/TLS)');
    await page.getByLabel('Porta').fill(String(smtp.port));
    await page.getByRole('button', { name: 'Enviar teste' }).click();
    await expect(result).toContainText('não fala o protocolo escolhido (SMTPS)');
    await expect(result).toContainText('Confira o protocolo e a porta (TLS).');

    // The password is nowhere on the page nor in what the API gives the screen.
    expect(await page.content()).not.toContain(PASSWORD);
    const settings = await page.request.post('/api/settings.get', {
      data: {},
      headers: { 'x-wtc-client': 'ui' },
    });
    expect(await settings.text()).not.toContain(PASSWORD);
  });

  test('for every branch: the address alert mails link to, and how long logs are kept — saved and read back', async ({
    page,
  }) => {
    await page.goto('/#/cadastrar/email');
    const card = page.getByTestId('monitoring-settings');
    await expect(card.getByTestId('ui-url-local')).toContainText('só abrem nesta máquina');
    const address = card.getByRole('textbox', { name: 'Endereço do integrador nos e-mails' });
    await address.fill('servidor:7585');
    await card.getByRole('button', { name: 'Salvar para todas as filiais' }).click();
    await expect(card).toContainText('use o endereço completo, ex.: http://servidor-winthor:7585');
    await address.fill('http://servidor-winthor:7585');
    await expect(card.getByTestId('ui-url-local')).toHaveCount(0);
    await card.getByRole('textbox', { name: 'Guardar logs por (dias)' }).fill('45');
    await saveScreen(page, '27-email-todas-as-filiais');
    await card.getByRole('button', { name: 'Salvar para todas as filiais' }).click();
    await expect(page.getByText('Configurações de alertas e retenção salvas.')).toBeVisible();
    await page.reload();
    await expect(address).toHaveValue('http://servidor-winthor:7585');
    await expect(card.getByRole('textbox', { name: 'Guardar logs por (dias)' })).toHaveValue('45');
    // Back to the defaults, so the other tests see the demo as it starts.
    await address.fill('');
    await card.getByRole('textbox', { name: 'Guardar logs por (dias)' }).fill('30');
    await card.getByRole('button', { name: 'Salvar para todas as filiais' }).click();
    await expect(page.getByText('Configurações de alertas e retenção salvas.').first()).toBeVisible();
  });

  test('the screen and a failed test in English', async ({ page }) => {
    await page.goto('/#/cadastrar/email');
    await switchLanguage(page, 'en');
    try {
      await expect(page.getByRole('tab', { name: 'Copy recipients' })).toBeVisible();
      await page.getByRole('textbox', { name: 'Password' }).fill('wrong-one');
      await page.getByRole('button', { name: 'Send test' }).click();
      const result = page.getByTestId('email-test-result');
      await expect(result).toContainText('The test could not be sent');
      await expect(result).toContainText(/refused the user or the password/);
      await saveScreen(page, '31-email-english');
    } finally {
      await switchLanguage(page, 'pt-BR');
    }
  });
});
