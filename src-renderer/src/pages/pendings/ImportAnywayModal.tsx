import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput, PendingDto } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { foundByIntegrator, resembledOrderWords, shownCopy } from './import-anyway-words';

/**
 * "Importar mesmo assim" on a possible duplicate (ADR 0219): names the WinThor order it resembles and what
 * the decision does (only the second guard, only this order); who and when are recorded by the server.
 */
export const ImportAnywayModal = ({
  pending,
  onClose,
  onDone,
}: {
  pending: PendingDto | null;
  onClose: () => void;
  onDone: (pending: PendingDto, result: MethodOutput<'pendings.importAnyway'>) => void;
}) => {
  const { t } = useTranslation();
  const decide = useApiMutation('pendings.importAnyway', ['pendings.list', 'pendings.groups'], {
    onSuccess: (result) => {
      if (pending) onDone(pending, result);
    },
  });
  return (
    <Modal opened={pending !== null} onClose={onClose} title={t('pendings.importAnyway.title')}>
      {pending && (
        <Stack gap="sm">
          <ErrorAlert error={decide.error} />
          <Text size="sm" data-testid="import-anyway-resembles">
            {t('pendings.importAnyway.resembles', {
              order: pending.key,
              resembles: resembledOrderWords(t, pending.params),
            })}
          </Text>
          {/* Why it is held, by where the copy was found (ADR 0219): never "bought the same total again". */}
          {foundByIntegrator(pending.params) ? (
            <Alert color="red" variant="light" data-testid="import-anyway-warning">
              {t('pendings.importAnyway.warningByIntegrator')}
            </Alert>
          ) : (
            <Alert color="yellow" variant="light" data-testid="import-anyway-warning">
              {t('pendings.importAnyway.warningInWinthor')}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {t('pendings.importAnyway.recorded')}
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={decide.isPending}
              onClick={() => decide.mutate({ id: pending.id, resembles: shownCopy(pending.params) })}
            >
              {t('pendings.importAnyway.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
};
