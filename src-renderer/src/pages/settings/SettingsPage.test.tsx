import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '@contract';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { SettingsPage } from './SettingsPage';
import type * as Transport from '../../api/transport';

const notify = vi.hoisted(() => vi.fn());
vi.mock('@mantine/notifications', () => ({ notifications: { show: notify } }));

const server = vi.hoisted(() => ({ settings: undefined as unknown, calls: [] as [string, unknown][] }));

vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call: vi.fn(async (method: string, input: Record<string, unknown>) => {
    server.calls.push([method, input]);
    const current = server.settings as Settings;
    if (method === 'settings.get') return fakeAnswer('settings.get', current);
    if (method === 'settings.import') {
      server.settings = fakeAnswer('settings.import', JSON.parse(input.content as string) as Settings);
      return server.settings;
    }
    if (method === 'settings.update') {
      server.settings = fakeAnswer('settings.update', { ...current, ...input });
      return server.settings;
    }
    throw new Error(`unexpected ${method}`);
  }),
}));

const branch = (code: string, name: string, url: string): Settings['branches'][number] => ({
  ...(defaultSettings().branches[0] ?? ({} as Settings['branches'][number])),
  ...JSON.parse(
    JSON.stringify({
      code,
      name,
      enabled: true,
      store: { url, token: '' },
      email: {
        enabled: false,
        host: '',
        port: 587,
        protocol: 'starttls',
        from: '',
        user: '',
        password: '',
        to: [],
        cc: [],
      },
      stock: { formula: 'gerencial', warehouseErpId: '' },
      price: { tableErpId: '' },
    }),
  ),
});

const base = (): Settings => ({
  ...defaultSettings(),
  branches: [branch('1', 'Matriz', 'https://antiga.example.com.br')],
});

beforeEach(() => {
  server.settings = base();
  server.calls = [];
  notify.mockClear();
});

describe('SettingsPage', () => {
  it('shows the imported values in every form, so the next save does not undo the import', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />);
    const port = await screen.findByLabelText('Porta');
    expect(port).toHaveValue('7585');
    expect(screen.getByLabelText('Nome')).toHaveValue('Matriz');

    const imported: Settings = {
      ...base(),
      server: { ...base().server, port: 7600 },
      branches: [branch('2', 'Filial importada', 'https://nova.example.com.br')],
    };
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(
      input,
      new File([JSON.stringify(imported)], 'export.json', { type: 'application/json' }),
    );
    await waitFor(() => expect(screen.getByLabelText('Porta')).toHaveValue('7600'));
    expect(screen.getByLabelText('Nome')).toHaveValue('Filial importada');
    expect(screen.getByLabelText('URL da loja virtual')).toHaveValue('https://nova.example.com.br');
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ message: 'Configurações importadas.' }));
    expect(server.calls.find(([method]) => method === 'settings.import')?.[1]).toMatchObject({
      fileName: 'export.json',
    });

    // Saving the server form now sends the imported port, not the old one.
    await user.click(screen.getAllByRole('button', { name: 'Salvar' })[1]!);
    await waitFor(() =>
      expect(server.calls.filter(([method]) => method === 'settings.update')).toHaveLength(1),
    );
    expect(server.calls.find(([method]) => method === 'settings.update')?.[1]).toMatchObject({
      server: { port: 7600 },
    });
  });

  it('keeps what is typed in one form when another form saves', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />);
    const name = await screen.findByLabelText('Nome');
    await user.clear(name);
    await user.type(name, 'Matriz em edição');

    const port = screen.getByLabelText('Porta');
    await user.clear(port);
    await user.type(port, '7601');
    await user.click(screen.getAllByRole('button', { name: 'Salvar' })[1]!);
    await waitFor(() =>
      expect(notify).toHaveBeenCalledWith(expect.objectContaining({ message: 'Configurações salvas.' })),
    );
    await waitFor(() =>
      expect(server.calls.filter(([method]) => method === 'settings.get').length).toBeGreaterThan(1),
    );
    expect(screen.getByLabelText('Nome')).toHaveValue('Matriz em edição');
    expect(screen.getByLabelText('Porta')).toHaveValue('7601');
  });
});
