import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeAnswer, fakeError } from '../../test/fake-answer';
import { renderWithProviders } from '../../test/render';
import { StoreTestButton } from './StoreTestButton';
import type * as Transport from '../../api/transport';

const call = vi.hoisted(() => vi.fn());
vi.mock('../../api/transport', async (original) => ({
  ...(await original<typeof Transport>()),
  call,
}));

/** The button with a URL field above it, as in the branch card. */
const Harness = () => {
  const [url, setUrl] = useState('https://www.loja.com.br');
  return (
    <>
      <input aria-label="URL" value={url} onChange={(event) => setUrl(event.target.value)} />
      <StoreTestButton branch="1" url={url} token="tok" />
    </>
  );
};

describe('StoreTestButton', () => {
  it('drops the result once the tested URL or token changes', async () => {
    call.mockResolvedValue(
      fakeAnswer('store.test', {
        ok: false,
        failed: 'token',
        message: 'Token recusado.',
        apiRoot: null,
        apiLimit: null,
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Testar conexão' }));
    await waitFor(() => expect(screen.getByTestId('store-test-1')).toHaveTextContent('Token recusado.'));
    expect(call).toHaveBeenCalledWith('store.test', {
      branch: '1',
      url: 'https://www.loja.com.br',
      token: 'tok',
    });

    await user.type(screen.getByLabelText('URL'), 'x');
    expect(screen.queryByTestId('store-test-1')).toBeNull();
  });

  it('drops an error once the tested values change', async () => {
    const { ApiCallError } = await import('../../api/transport');
    call.mockRejectedValue(
      new ApiCallError(fakeError({ code: 'unknown_branch', message: 'Filial 1 não está configurada.' })),
    );
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Testar conexão' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Filial 1 não está configurada.'),
    );
    await user.type(screen.getByLabelText('URL'), 'x');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
