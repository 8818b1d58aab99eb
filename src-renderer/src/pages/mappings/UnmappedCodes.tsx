import { Alert, Button, Card, Group, List, Loader, Text, Title } from '@mantine/core';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MappingKind, StoreCodesResult } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerText } from '../../i18n/server-text';
import { formatWhen } from './mapping-labels';

/**
 * The codes the store's orders carry that no mapping of the branch resolves, as warnings with a one-click
 * "Mapear"; where they were read from (the order import's record or a sample of the store, ADR 0024).
 */
export const UnmappedCodes = ({
  kind,
  branch,
  query,
  onMap,
}: {
  kind: MappingKind;
  branch: string;
  query: UseQueryResult<StoreCodesResult, Error>;
  onMap: (code: string, name: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  const { text } = useServerText();
  const client = useQueryClient();
  const refresh = useApiMutation('mappings.storeCodes', [], {
    onSuccess: (result) => client.setQueryData(['mappings.storeCodes', { branch, kind }], result),
  });
  const data = query.data;
  const unmapped = data?.codes.filter((code) => !code.mapped) ?? [];
  const at = formatWhen(data?.readAt ?? null, i18n.language);
  return (
    <Card withBorder aria-label={t('mappings.seenTitle')} component="section">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('mappings.seenTitle')}</Title>
        <Button
          variant="default"
          size="xs"
          loading={refresh.isPending}
          onClick={() => refresh.mutate({ branch, kind, refresh: true })}
        >
          {t('mappings.refresh')}
        </Button>
      </Group>
      <ErrorAlert error={query.error ?? refresh.error} />
      {query.isPending && <Loader size="sm" aria-label={t('errors.loading')} />}
      {data?.problem && (
        <Alert color="yellow" title={t('mappings.seenProblem')}>
          {text(data.problem, data.problemRef)}
        </Alert>
      )}
      {data && !data.problem && (
        <Text size="sm" c="dimmed" mb="xs">
          {data.source === 'orders'
            ? t('mappings.seenFromOrders', { count: data.orders, at })
            : t('mappings.seenFromStore', { count: data.orders, at })}
        </Text>
      )}
      {data && !data.problem && data.codes.length === 0 && <Text>{t('mappings.seenNone')}</Text>}
      {data && data.codes.length > 0 && unmapped.length === 0 && (
        <Text c="green">{t('mappings.seenAllMapped')}</Text>
      )}
      {unmapped.length > 0 && (
        <List spacing="xs" icon={<IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" />}>
          {unmapped.map((code) => (
            <List.Item key={code.code}>
              <Group gap="sm">
                <Text fw={600}>{code.code}</Text>
                {code.name && code.name !== code.code && <Text c="dimmed">{code.name}</Text>}
                <Text size="sm" c="dimmed">
                  {code.lastSeenAt
                    ? t('mappings.seenLine', {
                        count: code.count,
                        at: formatWhen(code.lastSeenAt, i18n.language),
                      })
                    : t('mappings.seenLineNoDate', { count: code.count })}
                </Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={t('mappings.mapCode', { code: code.code })}
                  onClick={() => onMap(code.code, code.name)}
                >
                  {t('mappings.map')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
};
