import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { atPath } from '../../test/router';
import { EmailPage } from './EmailPage';
import type * as Transport from '../../api/transport';

vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));
const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({ ...(await original<typeof Transport>()), call }));

const email = {
  enabled: true,
  host: 'smtp.empresa.com.br',
  port: 587,
  protocol: 'starttls' as const,
  from: 'integrador@empresa.com.br',
  user: 'integrador',
  password: '••••••••',
  to: ['ti@empresa.com.br'],
  cc: ['gerente@empresa.com.br'],
};

beforeEach(() => {
  call.mockReset();
  call.mockImplementation(async (method: string, input: { email?: typeof email }) => {
    switch (method) {
      case 'settings.get':
        return fakeAnswer('settings.get', {
          schemaVersion: 2,
          branches: [{ code: '1', name: 'Matriz', email }],
        });
      case 'settings.update':
        return fakeAnswer('settings.get', { schemaVersion: 2, ...input });
      case 'email.save':
        return fakeAnswer('email.save', { email: input.email! });
      case 'email.test':
        return fakeAnswer('email.test', {
          ok: false,
          failed: 'auth',
          message:
            'O servidor SMTP smtp.empresa.com.br:587 recusou o usuário ou a senha. Resposta do servidor: "535 5.7.8 Authentication failed".',
          messageRef: {
            key: 'mail.auth',
            params: { host: 'smtp.empresa.com.br', port: 587, response: '535 5.7.8 Authentication failed' },
          },
          serverResponse: '535 5.7.8 Authentication failed',
          recipients: ['ti@empresa.com.br', 'gerente@empresa.com.br'],
        });
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
});

describe('Cadastrar → E-mail', () => {
  it('adds and removes copies (checked before anything is sent) and saves them with the settings', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/cadastrar/email', <EmailPage />));
    await user.click(await screen.findByRole('tab', { name: 'E-mails para cópia' }));
    const input = screen.getByLabelText('Novo endereço');
    await user.type(input, 'suporte');
    await user.click(screen.getByRole('button', { name: 'Adicionar' }));
    expect(
      await screen.findByText('Endereço inválido: use o formato nome@empresa.com.br.'),
    ).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'GERENTE@empresa.com.br{Enter}');
    expect(await screen.findByText('Este endereço já está na lista.')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'suporte@empresa.com.br{Enter}');
    expect(screen.getByTestId('email-copies')).toHaveTextContent('suporte@empresa.com.br');
    await user.click(screen.getByRole('button', { name: 'Remover gerente@empresa.com.br' }));
    expect(within(screen.getByTestId('email-copies')).queryByText('gerente@empresa.com.br')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('email.save', {
        branch: '1',
        email: { ...email, alerts: expect.any(Object), cc: ['suporte@empresa.com.br'] },
      }),
    );
  });

  it('"Enviar teste" shows what failed and the SMTP server’s own answer', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/cadastrar/email', <EmailPage />));
    expect(await screen.findByLabelText('Servidor SMTP')).toHaveValue('smtp.empresa.com.br');
    await user.click(screen.getByRole('button', { name: 'Enviar teste' }));
    const result = await screen.findByTestId('email-test-result');
    expect(result).toHaveTextContent('Falha no envio do teste');
    expect(result).toHaveTextContent('Confira o usuário e a senha.');
    expect(result).toHaveTextContent('Resposta do servidor: 535 5.7.8 Authentication failed');
    expect(call).toHaveBeenCalledWith('email.test', {
      branch: '1',
      email: expect.objectContaining({ password: '••••••••' }),
    });
  });

  it('refuses a sender that is not an address before saving', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/cadastrar/email', <EmailPage />));
    const from = await screen.findByLabelText('Remetente');
    await user.clear(from);
    await user.type(from, 'integrador');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(
      await screen.findByText('Endereço inválido: use o formato nome@empresa.com.br.'),
    ).toBeInTheDocument();
    expect(call).not.toHaveBeenCalledWith('email.save', expect.anything());
  });

  it('sets, for every branch, the address the alert mails link to and how long logs are kept — checked first', async () => {
    const user = userEvent.setup();
    renderWithProviders(atPath('/cadastrar/email', <EmailPage />));
    const card = await screen.findByTestId('monitoring-settings');
    // No address yet: the links would open only on this machine, and the screen says so.
    expect(within(card).getByTestId('ui-url-local')).toHaveTextContent('só abrem nesta máquina');
    const address = within(card).getByRole('textbox', { name: 'Endereço do integrador nos e-mails' });
    await user.type(address, 'servidor:7585');
    await user.click(within(card).getByRole('button', { name: 'Salvar para todas as filiais' }));
    expect(
      await within(card).findByText(/Endereço do integrador nos e-mails: use o endereço completo/),
    ).toBeVisible();
    expect(call.mock.calls.filter(([method]) => method === 'settings.update')).toHaveLength(0);
    await user.clear(address);
    await user.type(address, 'http://servidor-winthor:7585');
    expect(within(card).queryByTestId('ui-url-local')).toBeNull();
    const days = within(card).getByRole('textbox', { name: 'Guardar logs por (dias)' });
    await user.clear(days);
    await user.type(days, '60');
    await user.click(within(card).getByRole('button', { name: 'Salvar para todas as filiais' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('settings.update', {
        monitoring: {
          uiUrl: 'http://servidor-winthor:7585',
          logRetentionDays: 60,
          resolvedPendingRetentionDays: 90,
        },
      }),
    );
  });
});
