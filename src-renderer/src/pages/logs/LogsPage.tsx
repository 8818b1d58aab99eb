import { Alert, Button, Group, Select, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogFilterInput } from '@contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { downloadText } from '../../components/download-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../monitor/format';
import { useSearchFilter } from '../monitor/use-search-filter';
import { LOG_FILTER_KEYS, LogFilters, type LogFilterValues } from './LogFilters';
import { LogDetailDrawer } from './LogDetailDrawer';
import { LogTable } from './LogTable';
import { useLiveLines } from './use-live-lines';

const PAGE_SIZES = ['25', '50', '100', '200'];

const toInput = (f: LogFilterValues): LogFilterInput => ({
  ...(f.branch ? { branch: f.branch } : {}),
  ...(f.entity ? { entity: f.entity } : {}),
  ...(f.level ? { level: f.level as LogFilterInput['level'] } : {}),
  ...(f.run ? { runId: Number(f.run) } : {}),
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
  ...(f.text ? { text: f.text } : {}),
});

/** Monitorar → Logs: filters in the address, keyset pages, a line's details, CSV export, live tail. */
export const LogsPage = () => {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useSearchFilter(LOG_FILTER_KEYS);
  const input = useMemo(() => toInput(filter), [filter]);
  // Where each page starts; the first has none. A new filter starts over.
  const [pages, setPages] = useState<{ key: string; cursors: Array<{ at: string; id: number } | undefined> }>(
    {
      key: '',
      cursors: [undefined],
    },
  );
  const filterKey = JSON.stringify(input);
  const cursors = pages.key === filterKey ? pages.cursors : [undefined];
  const before = cursors.at(-1);
  const [size, setSize] = useState('50');
  const [live, setLive] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const list = useApiQuery(
    'logs.list',
    { filter: input, ...(before ? { before } : {}), limit: Number(size) },
    { refetchInterval: live && cursors.length === 1 ? 5_000 : undefined },
  );
  const liveLines = useLiveLines(live && cursors.length === 1, filter);
  const exportCsv = useApiMutation('logs.export', [], {
    onSuccess: (file) => {
      downloadText(file.fileName, file.content, 'text/csv;charset=utf-8');
      notifications.show({
        color: file.truncated ? 'yellow' : 'green',
        message: t(file.truncated ? 'logs.exportedTruncated' : 'logs.exported', { rows: file.rows }),
      });
    },
  });
  const page = list.data;
  const go = (next: typeof cursors) => setPages({ key: filterKey, cursors: next });

  return (
    <>
      <PageTitle>{t('logs.title')}</PageTitle>
      <LogFilters key={filterKey} value={filter} onApply={(next) => setFilter(next)} />
      <Group justify="space-between" mb="sm">
        <Switch
          label={t('logs.live')}
          description={t('logs.liveHint')}
          checked={live}
          onChange={(e) => {
            setLive(e.currentTarget.checked);
            go([undefined]);
          }}
        />
        <Button
          variant="default"
          loading={exportCsv.isPending}
          onClick={() => exportCsv.mutate({ filter: input })}
        >
          {t('logs.export')}
        </Button>
      </Group>
      <ErrorAlert error={list.error ?? exportCsv.error} />
      {page && (
        <>
          {page.lines.length === 0 && liveLines.length === 0 && !page.partial && (
            <Text c="dimmed">{t('logs.empty')}</Text>
          )}
          {(page.lines.length > 0 || liveLines.length > 0) && (
            <LogTable lines={page.lines} live={liveLines} onOpen={(line) => setOpen(line.id)} />
          )}
          {page.partial && page.next && (
            <Alert color="yellow" mt="sm" data-testid="log-partial">
              {t('logs.partial', { at: formatDateTime(page.next.at, i18n.language) })}
            </Alert>
          )}
          <Group mt="sm" justify="space-between">
            <Text size="sm" c="dimmed" data-testid="log-page">
              {t('logs.page', { page: cursors.length })}
            </Text>
            <Group>
              <Select
                aria-label={t('logs.pageSize')}
                data={PAGE_SIZES.map((n) => ({ value: n, label: t('logs.perPage', { count: Number(n) }) }))}
                value={size}
                onChange={(value) => {
                  setSize(value ?? '50');
                  go([undefined]);
                }}
                allowDeselect={false}
                w={150}
              />
              <Button
                variant="default"
                disabled={cursors.length === 1}
                onClick={() => go(cursors.slice(0, -1))}
              >
                {t('logs.newer')}
              </Button>
              <Button
                variant="default"
                disabled={!page.next}
                onClick={() => page.next && go([...cursors, page.next])}
              >
                {page.partial ? t('logs.continue') : t('logs.older')}
              </Button>
            </Group>
          </Group>
        </>
      )}
      <LogDetailDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
};
