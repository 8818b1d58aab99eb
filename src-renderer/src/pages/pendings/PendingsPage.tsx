import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput, PendingDto, PendingFilterInput } from '@contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { call } from '../../api/transport';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useServerText } from '../../i18n/server-text';
import { useSearchFilter } from '../monitor/use-search-filter';
import { IgnoreModal } from './IgnoreModal';
import { ImportAnywayModal } from './ImportAnywayModal';
import { ImportAnywayWatch, type ImportAnywayWatching } from './ImportAnywayWatch';
import { runOf } from './import-anyway-words';
import { PENDING_FILTER_KEYS, PendingFilters, type PendingFilterValues } from './PendingFilters';
import { PendingGroups } from './PendingGroups';
import { PendingHistoryDrawer } from './PendingHistoryDrawer';
import { PendingTable } from './PendingTable';
import { kindLabel } from './pending-words';

const PAGE = 50;

const toInput = (f: PendingFilterValues): PendingFilterInput => ({
  ...(f.branch ? { branch: f.branch } : {}),
  ...(f.entity ? { entity: f.entity } : {}),
  ...(f.kind ? { kind: f.kind } : {}),
  // No state in the address means the open ones; "all" means every state.
  ...(f.status === 'all' ? {} : { status: (f.status ?? 'open') as PendingFilterInput['status'] }),
  ...(f.from ? { from: f.from } : {}),
  ...(f.to ? { to: f.to } : {}),
  ...(f.text ? { text: f.text } : {}),
});

/**
 * Monitorar → Pendências: grouped by kind with counts; retry one, the selected or a group; ignore; history;
 * "Importar mesmo assim" on a possible duplicate, followed until the order is imported.
 */
export const PendingsPage = () => {
  const { t, i18n } = useTranslation();
  const server = useServerText();
  const [filter, setFilter] = useSearchFilter(PENDING_FILTER_KEYS);
  const input = useMemo(() => toInput(filter), [filter]);
  const { kind: _kind, ...withoutKind } = input;
  const groups = useApiQuery('pendings.groups', { filter: withoutKind });
  const list = useInfiniteQuery<MethodOutput<'pendings.list'>, Error>({
    queryKey: ['pendings.list', input],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call('pendings.list', {
        filter: input,
        limit: PAGE,
        ...(pageParam ? { beforeId: pageParam as number } : {}),
      }),
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [ignoring, setIgnoring] = useState<number[]>([]);
  const [history, setHistory] = useState<number | null>(null);
  const [importing, setImporting] = useState<PendingDto | null>(null);
  const [watching, setWatching] = useState<ImportAnywayWatching | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const retry = useApiMutation('pendings.retry', ['pendings.list', 'pendings.groups'], {
    onSuccess: (result) => {
      setSelected(new Set());
      notifications.show({
        color: 'green',
        message: t('pendings.retried', {
          count: result.retried,
          runs: result.runs.started.length + result.runs.alreadyRunning.length,
        }),
      });
      setNote(result.note ? server.text(result.note, result.noteRef) : null);
    },
  });
  const select = (ids: number[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const chosen = [...selected].filter((id) => items.some((p) => p.id === id));

  return (
    <>
      <PageTitle>{t('pendings.title')}</PageTitle>
      <PendingFilters
        key={JSON.stringify(filter)}
        value={filter}
        kinds={(groups.data?.groups ?? []).map((g) => ({ value: g.kind, label: kindLabel(i18n, g.kind) }))}
        onApply={(next) => setFilter(next)}
      />
      <ErrorAlert error={groups.error ?? list.error ?? retry.error} />
      <ImportAnywayWatch
        key={`watch-${watching?.id ?? ''}`}
        watching={watching}
        onClose={() => setWatching(null)}
      />
      {note && (
        <Alert color="yellow" mb="md" withCloseButton onClose={() => setNote(null)} data-testid="retry-note">
          {note}
        </Alert>
      )}
      {groups.data && (
        <PendingGroups
          groups={groups.data}
          selectedKind={filter.kind}
          retrying={retry.isPending}
          onShow={(kind) => setFilter({ ...filter, kind })}
          onRetry={(kind) => retry.mutate({ group: { ...withoutKind, kind } })}
        />
      )}
      <Group mb="sm">
        <Button
          disabled={chosen.length === 0}
          loading={retry.isPending}
          onClick={() => retry.mutate({ ids: chosen })}
        >
          {t('pendings.retrySelected', { count: chosen.length })}
        </Button>
        <Button variant="default" disabled={chosen.length === 0} onClick={() => setIgnoring(chosen)}>
          {t('pendings.ignoreSelected', { count: chosen.length })}
        </Button>
      </Group>
      {list.data && items.length === 0 && <Text c="dimmed">{t('pendings.empty')}</Text>}
      {items.length > 0 && (
        <PendingTable
          items={items}
          selected={selected}
          onSelect={select}
          onRetry={(id) => retry.mutate({ ids: [id] })}
          onIgnore={(id) => setIgnoring([id])}
          onImportAnyway={setImporting}
          onHistory={setHistory}
        />
      )}
      {list.hasNextPage && (
        <Button
          mt="sm"
          variant="default"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('pendings.nextPage')}
        </Button>
      )}
      <IgnoreModal
        key={ignoring.join(',')}
        ids={ignoring}
        onClose={() => setIgnoring([])}
        onDone={(count) => {
          setIgnoring([]);
          setSelected(new Set());
          notifications.show({ color: 'green', message: t('pendings.ignored', { count }) });
        }}
      />
      <ImportAnywayModal
        key={`import-${importing?.id ?? ''}`}
        pending={importing}
        onClose={() => setImporting(null)}
        onDone={(pending, result) => {
          setImporting(null);
          setWatching({ id: pending.id, order: result.storeOrderId, run: runOf(result) });
          setNote(result.note ? server.text(result.note, result.noteRef) : null);
        }}
      />
      <PendingHistoryDrawer id={history} onClose={() => setHistory(null)} />
    </>
  );
};
