import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../api/transport';
import { setupI18n } from '../i18n';
import { fakeError } from '../test/fake-answer';
import { ErrorAlert } from './ErrorAlert';

setupI18n('pt-BR');

describe('ErrorAlert', () => {
  it('shows the message and the fix from the server', () => {
    render(
      <MantineProvider>
        <ErrorAlert
          error={
            new ApiCallError(
              fakeError({
                code: 'x',
                message: 'Token inválido.',
                fix: 'Gere um novo token no painel da loja.',
              }),
            )
          }
        />
      </MantineProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Não foi possível concluir');
    expect(screen.getByRole('alert')).toHaveTextContent('Token inválido.');
    expect(screen.getByRole('alert')).toHaveTextContent('Gere um novo token no painel da loja.');
  });

  it('renders nothing without an error', () => {
    const { container } = render(
      <MantineProvider>
        <ErrorAlert error={null} />
      </MantineProvider>,
    );
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
