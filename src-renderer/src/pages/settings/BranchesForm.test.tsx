import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Branch, defaultSettings, type Settings } from '@contract';
import { ApiCallError } from '../../api/transport';
import { fakeAnswer, fakeError } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { BranchesForm } from './BranchesForm';
import type * as Transport from '../../api/transport';

vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));

const server = vi.hoisted(() => ({
  winthor: 'answers' as 'answers' | 'fails',
  calls: [] as Array<[string, unknown]>,
}));
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call: vi.fn(async (method: string, input: Record<string, unknown>) => {
    server.calls.push([method, input]);
    if (method === 'db.branches') {
      if (server.winthor === 'fails')
        throw new ApiCallError(
          fakeError({
            code: 'db_unreachable',
            message:
              'Não foi possível ler as filiais do WinThor (PCFILIAL). Banco Oracle: não foi possível conectar ao servidor (NJS-503).',
          }),
        );
      return fakeAnswer('db.branches', {
        branches: [
          { code: '1', name: 'MATRIZ PORTO ALEGRE' },
          { code: '2', name: 'FILIAL SAO PAULO' },
          { code: '3', name: 'FILIAL CURITIBA' },
        ],
      });
    }
    if (method === 'settings.update') return fakeAnswer('settings.update', { ...settings(), ...input });
    throw new Error(`unexpected ${method}`);
  }),
}));

vi.setConfig({ testTimeout: 30_000 });

const settings = (codes: string[] = ['1']): Settings => ({
  ...defaultSettings(),
  branches: codes.map((code) => Branch.parse({ code, name: code === '1' ? 'MATRIZ PORTO ALEGRE' : '' })),
});

beforeEach(() => {
  server.winthor = 'answers';
  server.calls = [];
});

describe('Configuração: the branch code', () => {
  it('is picked from WinThor (PCFILIAL), the configured ones marked, and the WinThor name fills the name', async () => {
    const user = userEvent.setup();
    renderWithProviders(<BranchesForm settings={settings()} />);
    await waitFor(() =>
      expect(
        within(screen.getByTestId('branch-0')).getByRole('combobox', { name: 'Filial' }),
      ).toBeInTheDocument(),
    );
    await user.click(screen.getByRole('button', { name: 'Adicionar filial' }));
    const added = within(screen.getByTestId('branch-1'));
    // The first WinThor branch not configured yet, with its name.
    expect(added.getByRole('combobox', { name: 'Filial' })).toHaveValue('2');
    expect(added.getByLabelText('Nome')).toHaveValue('FILIAL SAO PAULO');

    await user.click(added.getByRole('combobox', { name: 'Filial' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      '1 — MATRIZ PORTO ALEGREjá configurada',
      '2 — FILIAL SAO PAULO',
      '3 — FILIAL CURITIBA',
    ]);
    expect(options[0]).toHaveAttribute('data-combobox-disabled', 'true');
    await user.click(screen.getByRole('option', { name: '3 — FILIAL CURITIBA' }));
    expect(added.getByRole('combobox', { name: 'Filial' })).toHaveValue('3');
    expect(added.getByLabelText('Nome')).toHaveValue('FILIAL CURITIBA');

    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await waitFor(() => expect(server.calls.some(([method]) => method === 'settings.update')).toBe(true));
    const update = server.calls.find(([method]) => method === 'settings.update')?.[1] as Settings;
    expect(update.branches.map((b) => [b.code, b.name])).toEqual([
      ['1', 'MATRIZ PORTO ALEGRE'],
      ['3', 'FILIAL CURITIBA'],
    ]);
  });

  it('warns when a configured branch is not in WinThor', async () => {
    renderWithProviders(<BranchesForm settings={settings(['1', '7'])} />);
    expect(await screen.findByTestId('branch-not-in-winthor-1')).toHaveTextContent(
      'Filial 7 não existe no WinThor (PCFILIAL) ou está desativada.',
    );
    expect(screen.queryByTestId('branch-not-in-winthor-0')).toBeNull();
  });

  it('is typed when the database does not answer, with the reason and the hint', async () => {
    server.winthor = 'fails';
    const user = userEvent.setup();
    renderWithProviders(<BranchesForm settings={settings()} />);
    const alert = await screen.findByTestId('winthor-branches-error');
    expect(alert).toHaveTextContent('Lista de filiais do WinThor indisponível');
    expect(alert).toHaveTextContent('(NJS-503)');
    expect(alert).toHaveTextContent('Digite o código da filial como está no WinThor (PCFILIAL.CODIGO).');
    const code = within(screen.getByTestId('branch-0')).getByRole('textbox', { name: 'Filial' });
    expect(code).toHaveValue('1');
    await user.click(screen.getByRole('button', { name: 'Adicionar filial' }));
    const added = within(screen.getByTestId('branch-1')).getByRole('textbox', { name: 'Filial' });
    expect(added).toHaveValue('2');
    await user.clear(added);
    await user.type(added, '12');
    expect(added).toHaveValue('12');
  });
});
