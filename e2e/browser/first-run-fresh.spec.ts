import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { FIRST_RUN } from '../first-run-env';
import { saveScreen } from './screens';
import { switchLanguage } from './language';

const home = `http://localhost:${FIRST_RUN.port}/`;

/** The guide's row of a step (on the Painel or on its own page). */
const step = (page: Page, id: string) => page.getByTestId('setup-guide').getByTestId(`setup-step-${id}`);

/** Back on the Painel, the guide measured again: the step's state badge. */
const expectStep = async (page: Page, id: string, state: string) => {
  await page.goto(`${home}#/primeiros-passos`);
  await expect(step(page, id).getByTestId('setup-step-state')).toHaveText(state, { timeout: 20_000 });
};

test('a first run walks "Primeiros passos" through the UI, each step turning done as it is measured', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto(home);
  const main = page.getByRole('main');
  const header = page.getByRole('banner');

  // Nothing configured: the engine waits, naming the first missing step, in the Painel and the header.
  await expect(header.getByTestId('engine-state')).toHaveText('Aguardando configuração');
  await expect(main.getByTestId('engine-state')).toHaveText('Aguardando configuração');
  await expect(main.getByTestId('engine-summary')).toHaveText(
    'passo 1 — conectar o banco de dados do WinThor',
  );
  await expect(main.getByRole('button', { name: 'Executar agora', exact: true })).toBeDisabled();
  const guide = main.getByTestId('setup-guide');
  await expect(guide.getByRole('heading', { name: 'Primeiros passos' })).toBeVisible();
  await expect(guide.getByTestId('setup-waiting')).toHaveText('Nada sincroniza até o passo 1 ficar pronto.');
  await expect(step(page, 'database').getByTestId('setup-step-state')).toHaveText('Pendente');
  await expect(step(page, 'prerequisites')).toContainText('rotinas 5000, 5003 e 5004 na rotina 529');
  await expect(step(page, 'prerequisites')).toContainText('rotina 530');
  await saveScreen(page, '50-primeiros-passos-inicio');

  // Step 1: the button goes to Banco de Dados; the embedded WinThor is chosen and saved.
  await step(page, 'database').getByRole('link', { name: 'Abrir Banco de Dados' }).click();
  await expect(page).toHaveURL(/#\/banco-de-dados$/);
  const connection = page.getByRole('form', { name: 'Conexão com o banco do WinThor' });
  await connection.getByText('Banco embutido (demonstração)', { exact: true }).click();
  await connection.getByLabel('Arquivo do banco embutido').fill(join(FIRST_RUN.winthorDir, 'winthor.sqlite'));
  await connection.getByRole('button', { name: 'Testar conexão' }).click();
  await expect(page.getByTestId('db-test-result')).toContainText('Conexão bem-sucedida');
  await connection.getByRole('button', { name: 'Salvar' }).click();
  await expectStep(page, 'database', 'Feito');
  await expect(step(page, 'prerequisites').getByTestId('setup-step-state')).toHaveText('Feito');
  // Step 3 is now the one the engine waits for.
  await expect(step(page, 'schema').getByTestId('setup-step-state')).toHaveText('Pendente');
  await expect(header.getByTestId('engine-state')).toHaveText('Aguardando configuração');

  // Step 3: install the integration's objects from the guide's button.
  await step(page, 'schema').getByRole('link', { name: 'Instalar objetos' }).click();
  const installer = page.getByRole('region', { name: 'Tabelas, sequences e triggers da integração' });
  await installer.getByRole('button', { name: 'Ver script de instalação' }).click();
  await expect(page.getByTestId('script')).toContainText('CREATE TABLE IF NOT EXISTS WTC_CHANGE_QUEUE');
  await installer.getByRole('button', { name: 'Criar tabelas / sequences / triggers' }).click();
  await page
    .getByRole('dialog', { name: 'Executar o script de instalação?' })
    .getByRole('button', { name: 'Confirmar' })
    .click();
  await expect(page.getByText(/Instalação concluída: versão \d+/)).toBeVisible();
  await expectStep(page, 'schema', 'Feito');

  // Step 4: a branch with the store's URL and token, tested.
  await expect(step(page, 'store').getByTestId('setup-step-detail')).toHaveText(
    'Nenhuma filial cadastrada: cadastre a filial em Configuração.',
  );
  await step(page, 'store').getByRole('link', { name: 'Abrir Configuração' }).click();
  const branches = page.getByRole('form', { name: 'Filiais e loja virtual' });
  await branches.getByRole('button', { name: 'Adicionar filial' }).click();
  const branch = branches.getByTestId('branch-0');
  await expect(branch.getByRole('combobox', { name: 'Filial' })).toHaveValue('1');
  await branch.getByLabel('URL da loja virtual').fill(`http://127.0.0.1:${FIRST_RUN.storePort}`);
  await branch.getByLabel('Token').fill(FIRST_RUN.storeToken);
  await branches.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByText('Configurações salvas.').last()).toBeVisible();
  await expectStep(page, 'store', 'Pendente');
  await expect(step(page, 'store').getByTestId('setup-step-detail')).toContainText('Testar conexão');
  await page.goto(`${home}#/configuracao`);
  await page.getByTestId('branch-0').getByRole('button', { name: 'Testar conexão' }).click();
  await expect(page.getByTestId('store-test-1')).toContainText('Loja conectada');
  await expectStep(page, 'store', 'Feito');

  // Step 5: a new branch starts with the default schedules — measured done; nothing blocks any more.
  await expect(step(page, 'schedules').getByTestId('setup-step-state')).toHaveText('Feito');
  await expect(step(page, 'schedules').getByTestId('setup-step-detail')).toHaveText(
    /^\d+ agendamento\(s\) ativo\(s\)\.$/,
  );
  await expect(header.getByTestId('engine-state')).toHaveText(/Em execução|Com erro/);
  // Step 6: the store has no order yet, so no code waits for a mapping; step 7 is optional.
  await expect(step(page, 'mappings').getByTestId('setup-step-state')).toHaveText('Feito');
  await expect(step(page, 'email').getByTestId('setup-step-state')).toHaveText('Opcional');
  await saveScreen(page, '51-primeiros-passos-meio');

  // Step 8: the preview, then the first sync, from the Painel.
  await step(page, 'firstSync').getByRole('link', { name: 'Ir ao Painel' }).click();
  await page
    .getByTestId('sync-branch-1')
    .getByRole('button', { name: 'Prévia da primeira sincronização' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Prévia da primeira sincronização — filial 1' });
  await expect(dialog.getByTestId('preview-nothing-sent')).toContainText('Nada foi enviado à loja');
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  // The preview is marked seen: what is left of step 8 is the sync itself, started here (a schedule may
  // have started it already: then "Executar agora" finds it running).
  await main.getByRole('button', { name: 'Executar agora', exact: true }).click();
  await expectStep(page, 'firstSync', 'Feito');
  await expect(page.getByTestId('setup-complete')).toHaveText('Tudo configurado: o integrador está pronto.');
  await saveScreen(page, '52-primeiros-passos-concluido');

  // Done: the Painel no longer shows the guide, the engine runs; the tray's words are the same status.
  await page.goto(home);
  await expect(main.getByTestId('setup-guide')).toHaveCount(0);
  await expect(header.getByTestId('engine-state')).toHaveText(/Em execução|Com erro/);
});

test('the guide speaks English too', async ({ page }) => {
  await page.goto(`${home}#/primeiros-passos`);
  await switchLanguage(page, 'en');
  try {
    await expect(page.getByRole('heading', { level: 2, name: 'First steps' })).toBeVisible();
    await expect(step(page, 'database')).toContainText('WinThor database connected');
    await expect(step(page, 'prerequisites')).toContainText('routines 5000, 5003 and 5004 with routine 529');
    await saveScreen(page, '53-first-steps-en');
  } finally {
    await switchLanguage(page, 'pt-BR');
  }
});
