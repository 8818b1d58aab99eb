import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DowngradeRefusedError } from '../runtime/data-folder-version';
import { DataFolderInUseError } from '../runtime/host-start';
import { askSchemaUpdate, explainStartRefusal, schemaQuestion } from './desktop-start-dialogs';

const electron = (response: number) => ({
  dialog: {
    showMessageBox: vi.fn(async (_options: MessageBoxOptions) => ({
      response,
      checkboxChecked: false,
    })),
    showErrorBox: vi.fn((_title: string, _text: string) => {}),
  },
  shell: { openExternal: vi.fn(async () => {}) },
});
const service = {
  pid: 4242,
  host: 'headless' as const,
  service: true,
  version: '0.2.0',
  startedAt: '2026-12-05T08:00:00.000Z',
  url: 'http://localhost:7585',
};

describe('desktop start-up dialogs', () => {
  it('tells that the service runs on this folder and opens its web UI when asked', async () => {
    const fake = electron(0);
    await explainStartRefusal(
      fake,
      new DataFolderInUseError('C:\\ProgramData\\IntegradorWinThorCiashop', service),
      false,
    );
    const [shown] = fake.dialog.showMessageBox.mock.calls[0]!;
    expect(shown.message).toMatch(
      /já está em uso pelo serviço do Windows IntegradorWinThorCiashop 0\.2\.0 \(processo 4242/,
    );
    expect(shown.buttons).toEqual(['Abrir no navegador', 'Fechar']);
    expect(fake.shell.openExternal).toHaveBeenCalledWith('http://localhost:7585');
  });

  it('says nothing when started hidden by the login item on a machine where the service runs', async () => {
    const fake = electron(0);
    await explainStartRefusal(fake, new DataFolderInUseError('C:\\dados', service), true);
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('shows a downgrade as an error with its fix', async () => {
    const fake = electron(1);
    await explainStartRefusal(fake, new DowngradeRefusedError('C:\\dados', '0.3.0', '0.2.0'), false);
    const [title, text] = fake.dialog.showErrorBox.mock.calls[0]!;
    expect(title).toBe('Integrador WinThor Ciashop');
    expect(text).toMatch(
      /versão 0\.3\.0 do integrador, mais nova que esta \(0\.2\.0\)[\s\S]*Instale a versão 0\.3\.0 ou mais nova/,
    );
  });

  it('asks before updating the schema: "Atualizar agora" is yes, "Depois" is no', async () => {
    const state = { kind: 'outdated' as const, installed: 4, target: 5, installBy: 'app' as const };
    expect(schemaQuestion(state).message).toBe(
      'As tabelas da integração no banco estão na versão 4; esta versão do integrador usa a 5. Atualizar agora?',
    );
    expect(await askSchemaUpdate(electron(0).dialog, state)).toBe(true);
    expect(await askSchemaUpdate(electron(1).dialog, state)).toBe(false);
  });
});
