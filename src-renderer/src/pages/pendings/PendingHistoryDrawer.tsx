import { Drawer, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../monitor/format';
import { kindLabel, pendingWords } from './pending-words';

/** A pendência's history: failed attempts, retries asked for (by whom), ignored, reopened, resolved. */
export const PendingHistoryDrawer = ({ id, onClose }: { id: number | null; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const history = useApiQuery('pendings.history', { id: id ?? 0 }, { enabled: id !== null });
  const data = id !== null ? history.data : undefined;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('pendings.historyTitle', { id })}
    >
      <ErrorAlert error={history.error} />
      {data && (
        <Stack data-testid="pending-history">
          <Text fw={500}>{pendingWords(i18n, data.pending).message}</Text>
          <Text size="sm" c="dimmed">
            {kindLabel(i18n, data.pending.kind)} · {t('pendings.attempts')}: {data.pending.attempts}
          </Text>
          <Timeline active={data.events.length} bulletSize={14} lineWidth={2}>
            {data.events.map((event, i) => (
              <Timeline.Item key={i} title={t(`pendings.eventActions.${event.action}`)}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(event.at, i18n.language)}
                  {event.actor ? ` · ${t(`actors.${event.actor}`, { defaultValue: event.actor })}` : ''}
                </Text>
                {event.message && (
                  <Text size="sm">
                    {event.action === 'import_anyway' && i18n.language !== 'pt-BR'
                      ? t('pendings.importAnyway.eventMessage')
                      : event.message}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Drawer>
  );
};
