import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { InstallerCard } from './InstallerCard';
import { PrerequisitesCard } from './PrerequisitesCard';
import type * as Transport from '../../api/transport';

vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));

/** A database whose integration schema is at `version` (0 = not installed). */
const db = vi.hoisted(() => ({ version: 0, calls: [] as string[] }));
const INSTALL_SCRIPT = 'CREATE TABLE WTC_X (ID NUMBER);';
const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call,
}));

const answer = async (method: string) => {
  db.calls.push(method);
  const preview = (script: string) => ({
    dialect: 'sqlite' as const,
    currentVersion: db.version,
    targetVersion: 1,
    script,
  });
  switch (method) {
    case 'db.check':
      return fakeAnswer('db.check', {
        ok: db.version === 1,
        checks: [
          {
            id: 'schema',
            label: 'Tabelas da integração',
            status: db.version === 1 ? 'ok' : 'error',
            detail: db.version === 1 ? 'Versão 1 instalada.' : 'Não instaladas.',
          },
        ],
      });
    case 'db.installPreview':
      return fakeAnswer('db.installPreview', preview(db.version === 1 ? '' : INSTALL_SCRIPT));
    case 'db.uninstallPreview':
      return fakeAnswer('db.uninstallPreview', preview(db.version === 1 ? 'DROP TABLE WTC_X;' : ''));
    case 'db.install': {
      const previousVersion = db.version;
      db.version = 1;
      return fakeAnswer('db.install', { previousVersion, installedVersion: 1, statements: 1 });
    }
    case 'db.uninstall': {
      const previousVersion = db.version;
      db.version = 0;
      return fakeAnswer('db.uninstall', { previousVersion, installedVersion: 0, statements: 1 });
    }
    default:
      throw new Error(`unexpected ${method}`);
  }
};

beforeEach(() => {
  db.version = 0;
  db.calls = [];
  call.mockImplementation(answer);
});

const table = () => screen.getByTestId('prerequisites');

describe('database cards', () => {
  it('refresh the prerequisites table after an install and after a removal', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <PrerequisitesCard />
        <InstallerCard />
      </>,
    );
    expect(db.calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Verificar pré-requisitos' }));
    await waitFor(() => expect(table()).toHaveTextContent('Não instaladas.'));

    await user.click(screen.getByRole('button', { name: 'Ver script de instalação' }));
    await user.click(await screen.findByRole('button', { name: 'Criar tabelas / sequences / triggers' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirmar' }));
    await waitFor(() => expect(table()).toHaveTextContent('Versão 1 instalada.'));

    await user.click(screen.getByRole('button', { name: 'Ver script de remoção' }));
    await user.click(await screen.findByRole('button', { name: 'Remover objetos da integração' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Confirmar' }));
    await waitFor(() => expect(table()).toHaveTextContent('Não instaladas.'));
  });

  it('offers no run button for an empty script', async () => {
    const user = userEvent.setup();
    db.version = 1;
    renderWithProviders(<InstallerCard />);
    await user.click(screen.getByRole('button', { name: 'Ver script de instalação' }));
    await waitFor(() => expect(screen.getByTestId('script')).toHaveTextContent('Nada a executar'));
    expect(screen.queryByRole('button', { name: 'Criar tabelas / sequences / triggers' })).toBeNull();

    db.version = 0;
    await user.click(screen.getByRole('button', { name: 'Ver script de remoção' }));
    await waitFor(() => expect(screen.getByTestId('script')).toHaveTextContent('Nada a remover'));
    expect(screen.queryByRole('button', { name: 'Remover objetos da integração' })).toBeNull();
  });
});
