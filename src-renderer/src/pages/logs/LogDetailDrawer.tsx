import { Anchor, Badge, Code, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../monitor/format';
import { LEVEL_COLORS } from './LogTable';

const field = (details: unknown, name: string): unknown =>
  details && typeof details === 'object' ? (details as Record<string, unknown>)[name] : undefined;

/** A line's details: the run (job, state, counts), the item, the store's answer, all without secrets. */
export const LogDetailDrawer = ({ id, onClose }: { id: number | null; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const detail = useApiQuery('logs.get', { id: id ?? 0 }, { enabled: id !== null });
  const data = id !== null ? detail.data : undefined;
  const details = data?.details;
  const item = field(details, 'erpKey');
  const storeAnswer = field(details, 'storeAnswer');
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={t('logs.details')}>
      <ErrorAlert error={detail.error} />
      {data && (
        <Stack data-testid="log-details">
          <Group>
            <Badge color={LEVEL_COLORS[data.line.level]}>{t(`levels.${data.line.level}`)}</Badge>
            <Text size="sm">{formatDateTime(data.line.at, i18n.language)}</Text>
          </Group>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{data.line.message}</Text>
          {data.run && (
            <Stack gap={4}>
              <Title order={5}>
                {t('logs.run')} {data.run.id}
              </Title>
              <Text size="sm">
                {t(`entities.${data.run.job}`)} · {t('filters.branch')} {data.run.branch} ·{' '}
                {t(`runStatus.${data.run.status}`)} · {formatDateTime(data.run.startedAt, i18n.language)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('logs.runCounts')}:{' '}
                {Object.entries(data.run.counts)
                  .map(([name, n]) => `${t(`runCounts.${name}`, { defaultValue: name })} ${n}`)
                  .join(' · ')}
              </Text>
              <Anchor component={Link} to={`/monitorar/logs?run=${data.run.id}`} size="sm" onClick={onClose}>
                {t('logs.openRun', { run: data.run.id })}
              </Anchor>
            </Stack>
          )}
          {item !== undefined && (
            <Text size="sm">
              {t('logs.item')}: {String(item)}
            </Text>
          )}
          {storeAnswer !== undefined && (
            <>
              <Title order={5}>{t('logs.storeAnswer')}</Title>
              <Code block>{JSON.stringify(storeAnswer, null, 2)}</Code>
            </>
          )}
          <Title order={5}>{t('logs.rawDetails')}</Title>
          {details === null ? (
            <Text c="dimmed">{t('logs.noDetails')}</Text>
          ) : (
            <Code block>{JSON.stringify(details, null, 2)}</Code>
          )}
        </Stack>
      )}
    </Drawer>
  );
};
