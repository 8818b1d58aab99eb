import { Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerText } from '../../i18n/server-text';
import { BranchActivityCard } from './BranchActivityCard';

const HEALTH_COLORS = { ok: 'green', warning: 'yellow', error: 'red' } as const;

/** The Painel's activity: the health behind the tray, and per branch calls, errors, budget and pendências. */
export const ActivityCharts = () => {
  const { t } = useTranslation();
  const server = useServerText();
  const [range, setRange] = useState<'24h' | '7d'>('24h');
  const activity = useApiQuery('monitor.activity', { range }, { refetchInterval: 60_000 });
  const health = useApiQuery('monitor.health', {}, { refetchInterval: 30_000 });
  return (
    <Card withBorder mt="md" component="section" aria-label={t('activity.title')}>
      <Group justify="space-between" mb="sm">
        <Group>
          <Title order={4}>{t('activity.title')}</Title>
          {health.data && (
            <Group gap="xs" data-testid="health">
              <Badge color={HEALTH_COLORS[health.data.level]}>
                {t(`activity.health.${health.data.level}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {server.text(health.data.summary, health.data.summaryRef)}
              </Text>
            </Group>
          )}
        </Group>
        <SegmentedControl
          value={range}
          onChange={(value) => setRange(value as '24h' | '7d')}
          data={[
            { value: '24h', label: t('activity.range.24h') },
            { value: '7d', label: t('activity.range.7d') },
          ]}
        />
      </Group>
      <ErrorAlert error={activity.error} />
      {activity.data && activity.data.branches.length === 0 && (
        <Text c="dimmed">{t('activity.noBranches')}</Text>
      )}
      <Stack>
        {activity.data?.branches.map((branch) => (
          <BranchActivityCard key={branch.branch} activity={branch} range={activity.data.range} />
        ))}
      </Stack>
    </Card>
  );
};
