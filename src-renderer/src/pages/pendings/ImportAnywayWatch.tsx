import { Alert } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { IMPORT_ANYWAY_KIND } from './import-anyway-words';

/** How often the decided pendência is read again while the orders job imports it. */
const EVERY_MS = 3_000;

/**
 * After "Importar mesmo assim": follows the decided pendência until the orders job resolves it (the order
 * staged) and says so; the list is read again then. While it waits, says the order is on its way.
 */
export const ImportAnywayWatch = ({
  watching,
  onClose,
}: {
  watching: { id: number; order: string } | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const client = useQueryClient();
  const history = useApiQuery(
    'pendings.history',
    { id: watching?.id ?? 0 },
    {
      enabled: watching !== null,
      refetchInterval: (query) => {
        const pending = query.state.data?.pending;
        return pending && (pending.status === 'resolved' || pending.kind !== IMPORT_ANYWAY_KIND)
          ? false
          : EVERY_MS;
      },
    },
  );
  const pending = watching !== null ? history.data?.pending : undefined;
  const resolved = pending?.status === 'resolved';
  // Staged past the guard, it may still wait for another reason (a price changed meanwhile): the row says.
  const otherProblem = pending !== undefined && !resolved && pending.kind !== IMPORT_ANYWAY_KIND;
  useEffect(() => {
    if (!resolved && !otherProblem) return;
    void client.invalidateQueries({ queryKey: ['pendings.list'] });
    void client.invalidateQueries({ queryKey: ['pendings.groups'] });
  }, [resolved, otherProblem, client]);
  if (!watching) return null;
  return (
    <Alert
      color={resolved ? 'green' : otherProblem ? 'yellow' : 'blue'}
      mb="md"
      withCloseButton
      onClose={onClose}
      data-testid="import-anyway-notice"
    >
      {resolved
        ? t('pendings.importAnyway.done', { order: watching.order })
        : otherProblem
          ? t('pendings.importAnyway.otherProblem', { order: watching.order })
          : t('pendings.importAnyway.waiting', { order: watching.order })}
    </Alert>
  );
};
