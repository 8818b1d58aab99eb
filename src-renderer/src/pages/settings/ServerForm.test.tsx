import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@contract';
import { renderWithProviders } from '../../test/render';
import { ServerForm } from './ServerForm';
import type * as Transport from '../../api/transport';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call,
}));
vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));

describe('ServerForm port field', () => {
  it('takes whole numbers only and never a port above 65535', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ServerForm settings={defaultSettings()} />);
    const port = screen.getByLabelText('Porta');
    await user.clear(port);
    await user.type(port, '80.5');
    expect(port).toHaveValue('805');
    await user.clear(port);
    await user.type(port, '70000');
    // 70000 is not taken (no silent clamp to 65535 on blur either).
    expect(port).toHaveValue('7000');
    await user.tab();
    expect(port).toHaveValue('7000');
  });

  it('says in pt-BR what a port must be when the field is emptied', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ServerForm settings={defaultSettings()} />);
    await user.clear(screen.getByLabelText('Porta'));
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(await screen.findByText('Porta: use um número inteiro entre 1 e 65535.')).toBeInTheDocument();
    expect(call).not.toHaveBeenCalled();
  });

  it('says when --port or WTC_PORT overrides the saved port, and which (#12)', () => {
    renderWithProviders(<ServerForm settings={defaultSettings()} web={{ port: 7786, source: 'env' }} />);
    expect(screen.getByLabelText('Porta')).toHaveValue('7585');
    expect(screen.getByTestId('port-override')).toHaveTextContent(
      'A interface está na porta 7786, definida por WTC_PORT ao iniciar o integrador',
    );
    // Information, not an error: the page's error alerts stay the only role="alert".
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });

  it('shows no hint when the saved port is the one in use', () => {
    renderWithProviders(<ServerForm settings={defaultSettings()} web={{ port: 7585, source: 'settings' }} />);
    expect(screen.queryByTestId('port-override')).toBeNull();
  });
});
