import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '@contract';
import { useApiQuery } from '../../api/hooks';
import { IMPORT_ANYWAY_KIND, type ImportAnywayRun } from './import-anyway-words';

/** How often the decided pendência is read again while the orders job imports it. */
const EVERY_MS = 3_000;
/** How long the notice follows it: then it stops reading and says to look again later. */
export const WATCH_LIMIT_MS = 10 * 60_000;

export interface ImportAnywayWatching {
  id: number;
  order: string;
  run: ImportAnywayRun;
}

type History = MethodOutput<'pendings.history'>;
type Outcome = 'waiting' | 'done' | 'resolvedOther' | 'otherProblem' | 'ignored';

/**
 * What became of the decision, from the pendência and its history after the latest import_anyway line: a
 * staged order's resolved line says so (its text); a resolution without it (cancelled in the store…) is not
 * an import.
 */
const outcomeOf = (history: History | undefined): Outcome => {
  if (!history) return 'waiting';
  const { pending, events } = history;
  const decided = events.map((e) => e.action).lastIndexOf('import_anyway');
  const after = decided >= 0 ? events.slice(decided + 1) : [];
  if (pending.status === 'resolved') {
    const resolved = after.findLast((e) => e.action === 'resolved');
    return resolved?.message ? 'done' : 'resolvedOther';
  }
  if (pending.status === 'ignored') return 'ignored';
  if (pending.kind !== IMPORT_ANYWAY_KIND) return 'otherProblem';
  return 'waiting';
};

const COLORS: Record<Outcome, string> = {
  waiting: 'blue',
  done: 'green',
  resolvedOther: 'yellow',
  otherProblem: 'yellow',
  ignored: 'yellow',
};

/**
 * After "Importar mesmo assim": follows the decided pendência until the orders job stages the order and says
 * so — or says what else became of it; the list is read again then. While it waits, says when the order will
 * be imported (the job started now, one already going, or none could start). Stops after WATCH_LIMIT_MS.
 */
export const ImportAnywayWatch = ({
  watching,
  onClose,
  limitMs = WATCH_LIMIT_MS,
}: {
  watching: ImportAnywayWatching | null;
  onClose: () => void;
  limitMs?: number;
}) => {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!watching) return;
    const timer = setTimeout(() => setExpired(true), limitMs);
    return () => clearTimeout(timer);
  }, [watching, limitMs]);
  const history = useApiQuery(
    'pendings.history',
    { id: watching?.id ?? 0 },
    {
      enabled: watching !== null,
      refetchInterval: (query) => (expired || outcomeOf(query.state.data) !== 'waiting' ? false : EVERY_MS),
    },
  );
  const outcome = watching !== null ? outcomeOf(history.data) : 'waiting';
  useEffect(() => {
    if (outcome === 'waiting') return;
    void client.invalidateQueries({ queryKey: ['pendings.list'] });
    void client.invalidateQueries({ queryKey: ['pendings.groups'] });
  }, [outcome, client]);
  if (!watching) return null;
  const text =
    outcome === 'waiting'
      ? expired
        ? t('pendings.importAnyway.stoppedWatching', { order: watching.order })
        : t(`pendings.importAnyway.waiting_${watching.run}`, { order: watching.order })
      : t(`pendings.importAnyway.${outcome}`, { order: watching.order });
  return (
    <Alert
      color={outcome === 'waiting' && expired ? 'gray' : COLORS[outcome]}
      mb="md"
      withCloseButton
      onClose={onClose}
      data-testid="import-anyway-notice"
    >
      {text}
    </Alert>
  );
};
