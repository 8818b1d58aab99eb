import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { setupI18n } from '../i18n';

setupI18n('pt-BR');

/**
 * Renders a page or card with Mantine (test mode: no transitions, no portals) and a fresh query client (no
 * retries, as in a test nothing heals).
 */
export const renderWithProviders = (ui: ReactNode) => {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
  });
  // A wrapper (not a parent element), so that rerender() keeps the providers and the cache.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider env="test">
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
  return { client, ...render(ui, { wrapper }) };
};
