import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SystemInfo } from '@contract';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { setupI18n } from '../../i18n';
import { ThisComputerCard } from './ThisComputerCard';
import type * as Transport from '../../api/transport';

const notify = vi.hoisted(() => vi.fn());
vi.mock('@mantine/notifications', () => ({ notifications: { show: notify } }));

const server = vi.hoisted(() => ({ info: undefined as unknown, calls: [] as [string, unknown][] }));

vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call: vi.fn(async (method: string, input: { enabled?: boolean }) => {
    server.calls.push([method, input]);
    const info = server.info as SystemInfo;
    if (method === 'system.info') return fakeAnswer('system.info', info);
    if (method === 'system.setStartAtLogin') {
      server.info = { ...info, startAtLogin: { ...info.startAtLogin, enabled: input.enabled! } };
      return fakeAnswer('system.setStartAtLogin', (server.info as SystemInfo).startAtLogin);
    }
    if (method === 'system.diagnostics') {
      return fakeAnswer('system.diagnostics', {
        fileName: 'diagnostico-integrador-20261205T101500.zip',
        contentBase64: btoa('PK\u0005\u0006 zip de teste'),
        bytes: 3000,
        entries: [{ name: 'LEIA-ME.txt', bytes: 100 }],
      });
    }
    throw new Error(`unexpected ${method}`);
  }),
}));

const desktop: SystemInfo = {
  version: '0.2.0',
  host: 'desktop',
  dataDir: 'C:\\ProgramData\\IntegradorWinThorCiashop',
  logsDir: 'C:\\ProgramData\\IntegradorWinThorCiashop\\logs',
  startAtLogin: {
    available: true,
    enabled: false,
    note: 'Ao entrar no Windows, este usuário abre o integrador.',
  },
};

const saved: Blob[] = [];
beforeEach(() => {
  server.calls = [];
  saved.length = 0;
  notify.mockClear();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    saved.push(blob);
    return 'blob:diagnostico';
  });
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

describe('Configuração → Este computador', () => {
  it('shows the folders and turns "Iniciar com o Windows" on', async () => {
    server.info = desktop;
    renderWithProviders(<ThisComputerCard />);
    expect(await screen.findByText('C:\\ProgramData\\IntegradorWinThorCiashop')).toBeInTheDocument();
    expect(screen.getByText(/Versão 0\.2\.0 · aplicativo de área de trabalho/)).toBeInTheDocument();
    const toggle = screen.getByRole('switch', { name: /^Iniciar com o Windows/ });
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    await waitFor(() => expect(screen.getByRole('switch', { name: /^Iniciar com o Windows/ })).toBeChecked());
    expect(server.calls).toContainEqual(['system.setStartAtLogin', { enabled: true }]);
    expect(notify).toHaveBeenCalledWith(
      expect.objectContaining({ message: '"Iniciar com o Windows" ligado.' }),
    );
  });

  it('offers no switch where the integrator runs as a service, and says why', async () => {
    server.info = {
      ...desktop,
      host: 'headless',
      startAtLogin: { available: false, enabled: false, note: 'quem o inicia é o serviço, não o login.' },
    };
    renderWithProviders(<ThisComputerCard />);
    expect(await screen.findByRole('switch', { name: /^Iniciar com o Windows/ })).toBeDisabled();
    expect(screen.getByText('quem o inicia é o serviço, não o login.')).toBeInTheDocument();
  });

  it('saves the diagnostic package the API made and says so', async () => {
    server.info = desktop;
    renderWithProviders(<ThisComputerCard />);
    await userEvent.click(await screen.findByRole('button', { name: 'Gerar pacote de diagnóstico' }));
    await waitFor(() =>
      expect(notify).toHaveBeenCalledWith(
        expect.objectContaining({
          message: 'Pacote de diagnóstico gerado: diagnostico-integrador-20261205T101500.zip (3 KiB).',
        }),
      ),
    );
    expect(saved).toHaveLength(1);
    expect(saved[0]!.type).toBe('application/zip');
    expect(new TextDecoder().decode(await saved[0]!.arrayBuffer())).toBe('PK\u0005\u0006 zip de teste');
  });

  it("says the service's note in English from its key (not the server's pt-BR text)", async () => {
    await setupI18n().changeLanguage('en');
    try {
      server.info = {
        ...desktop,
        host: 'headless',
        startAtLogin: {
          available: false,
          enabled: false,
          note: 'Este integrador roda sem janela (serviço do Windows ou linha de comando): quem o inicia é o serviço, não o login.',
          noteRef: { key: 'system.startAtLogin_headless' },
        },
      };
      renderWithProviders(<ThisComputerCard />);
      expect(await screen.findByRole('switch', { name: /^Start with Windows/ })).toBeDisabled();
      expect(
        screen.getByText(
          'This integrator runs without a window (Windows service or command line): the service starts it, not the logon.',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText(/Este integrador roda sem janela/)).toBeNull();
    } finally {
      await setupI18n().changeLanguage('pt-BR');
    }
  });
});
