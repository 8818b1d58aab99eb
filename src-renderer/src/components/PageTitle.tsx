import { Title } from '@mantine/core';

export const PageTitle = ({ children }: { children: string }) => (
  <Title order={2} mb="md">
    {children}
  </Title>
);
