import type { MessageBoxOptions } from 'electron';
import type { SchemaAtStart } from '../runtime/schema-at-start';
import { DataFolderInUseError } from '../runtime/host-start';
import type { AppError } from '../shared/app-error';
import { PRODUCT_NAME } from './app-identity';

type Outdated = Extract<SchemaAtStart, { kind: 'outdated' }>;

/** The part of Electron's dialog and shell used here. */
export interface StartDialogs {
  dialog: {
    showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
    showErrorBox(title: string, content: string): void;
  };
  shell: { openExternal(url: string): Promise<void> };
}

/** The question the desktop asks at start when an upgrade needs the integration schema updated. */
export const schemaQuestion = (state: Outdated): MessageBoxOptions => ({
  type: 'question',
  title: PRODUCT_NAME,
  message: `As tabelas da integração no banco estão na versão ${state.installed}; esta versão do integrador usa a ${state.target}. Atualizar agora?`,
  detail:
    'A atualização cria ou altera só objetos WTC_ (e as triggers de captura nas tabelas do WinThor): faça numa janela sem movimento no WinThor. ' +
    'Se escolher "Depois", a sincronização fica pausada até a atualização (Banco de Dados → "Criar Tabelas / Sequences / Triggers").',
  buttons: ['Atualizar agora', 'Depois'],
  defaultId: 0,
  cancelId: 1,
  noLink: true,
});

export const askSchemaUpdate = async (dialog: StartDialogs['dialog'], state: Outdated): Promise<boolean> =>
  (await dialog.showMessageBox(schemaQuestion(state))).response === 0;

/**
 * A refusal at start, shown to the person: another host on the data folder (with a button to open its web
 * UI), or a downgrade. Started hidden by the login item, a folder in use by the service ends quietly: the
 * service is what runs on that machine, and the login item should not nag at every logon.
 */
export const explainStartRefusal = async (
  electron: StartDialogs,
  error: AppError,
  startedHidden: boolean,
): Promise<void> => {
  if (error instanceof DataFolderInUseError) {
    if (startedHidden) return;
    const url = error.holder?.url ?? 'http://localhost:7585';
    const { response } = await electron.dialog.showMessageBox({
      type: 'info',
      title: PRODUCT_NAME,
      message: error.message,
      detail: error.fix ?? '',
      buttons: ['Abrir no navegador', 'Fechar'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0) await electron.shell.openExternal(url);
    return;
  }
  electron.dialog.showErrorBox(PRODUCT_NAME, `${error.message}${error.fix ? `\n\n${error.fix}` : ''}`);
};
