import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';

type Standby = NonNullable<AppStatus['engine']['standby']>;

/** The Painel's detail of "Em espera": who holds the WinThor database, in the UI's language (ADR 0310). */
export const useStandbyText = (standby: Standby | null | undefined): string | null => {
  const { t } = useTranslation();
  if (!standby) return null;
  const values = { host: standby.hostName, folder: standby.dataDir, since: standby.since };
  return standby.lost ? t('dashboard.standbyLost', values) : t('dashboard.standby', values);
};

/**
 * "Assumir": for an operator who knows the other engine is gone (its machine died). Asks first, then takes the
 * database's lease even if not expired; the other engine, if alive, stops starting jobs at its next renewal.
 */
export const TakeOverButton = ({ standby }: { standby: Standby }) => {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const takeOver = useApiMutation('engine.takeOver', ['app.status', 'sync.overview'], {
    onSuccess: () => setAsking(false),
  });
  return (
    <>
      <Button color="grape" onClick={() => setAsking(true)}>
        {t('dashboard.takeOver')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('dashboard.takeOverTitle')}>
        <ErrorAlert error={takeOver.error} />
        <Text size="sm">
          {t('dashboard.takeOverText', { host: standby.hostName, folder: standby.dataDir })}
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="grape" loading={takeOver.isPending} onClick={() => takeOver.mutate({})}>
            {t('dashboard.takeOverConfirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
};
