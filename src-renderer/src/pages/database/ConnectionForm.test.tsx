import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@contract';
import { fakeAnswer } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { ConnectionForm } from './ConnectionForm';
import type * as Transport from '../../api/transport';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call,
}));
vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn() } }));

const database = () => ({
  ...defaultSettings().database,
  oracle: { ...defaultSettings().database.oracle, connectString: 'db:1521/WINT', user: 'WINTHOR' },
});

beforeEach(() => call.mockReset());

describe('ConnectionForm', () => {
  it('drops the test result once a field changes', async () => {
    call.mockResolvedValue(
      fakeAnswer('db.testConnection', {
        ok: false,
        kind: 'oracle',
        serverVersion: null,
        driverMode: null,
        message: 'Conexão recusada.',
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm database={database()} />);
    await user.click(screen.getByRole('button', { name: 'Testar conexão' }));
    await waitFor(() => expect(screen.getByTestId('db-test-result')).toHaveTextContent('Conexão recusada.'));
    await user.type(screen.getByLabelText('Endereço do banco (connect string)'), '2');
    expect(screen.queryByTestId('db-test-result')).toBeNull();
  });

  it('refuses Conexões mínimas above Conexões máximas, in pt-BR, without saving', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm database={database()} />);
    const min = screen.getByLabelText('Conexões mínimas');
    await user.clear(min);
    await user.type(min, '5');
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(
      await screen.findByText('Conexões mínimas (5) não pode ser maior que Conexões máximas (4).'),
    ).toBeInTheDocument();
    expect(call).not.toHaveBeenCalled();
  });

  it('says in pt-BR that an emptied pool field needs a number', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm database={database()} />);
    await user.clear(screen.getByLabelText('Conexões mínimas'));
    await user.click(screen.getByRole('button', { name: 'Salvar' }));
    expect(
      await screen.findByText('Conexões mínimas: informe um número inteiro de 0 a 64.'),
    ).toBeInTheDocument();
    expect(call).not.toHaveBeenCalled();
  });

  it('takes only whole numbers up to 64 in the pool fields', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm database={database()} />);
    const max = screen.getByLabelText('Conexões máximas');
    await user.clear(max);
    await user.type(max, '7.5');
    // No decimal point, and 75 (above 64) is not taken: the field keeps 7.
    expect(max).toHaveValue('7');
  });
});
