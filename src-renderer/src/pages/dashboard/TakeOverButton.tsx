import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@contract';
import { useApiMutation } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatClockTime } from '../../format/format-time';
import { serverText } from '../../i18n/server-text';

type Standby = NonNullable<AppStatus['engine']['standby']>;

/** The Painel's detail of "Em espera": who holds the WinThor database, in the UI's language (ADR 0310). */
export const useStandbyText = (standby: Standby | null | undefined): string | null => {
  const { t, i18n } = useTranslation();
  if (!standby) return null;
  // The server's "HH:MM" in the UI's time format ("3:57 AM" beside the Painel's other English times).
  const since = formatClockTime(standby.since, i18n.language);
  const values = { host: standby.hostName, folder: standby.dataDir, since };
  return standby.lost ? t('dashboard.standbyLost', values) : t('dashboard.standby', values);
};

/**
 * Why no run starts now, for the "Executar agora" buttons (Painel's jobs, Agendamento): in standby the engine
 * refuses every run, so the buttons are disabled saying so before a click. null when runs may start.
 */
export const useRunBlocked = (engine: AppStatus['engine'] | undefined): string | null => {
  const { t, i18n } = useTranslation();
  const standbyText = useStandbyText(engine?.standby);
  if (engine?.state !== 'standby') return null;
  // Another engine holds the database: "Assumir" on the Painel. This one could not renew it (stale, no holder
  // shown): no "Assumir" there — the fix is the database connection.
  return standbyText
    ? t('schedule.runStandby', { reason: standbyText })
    : t('schedule.runStale', { reason: serverText(i18n, engine.detail, engine.detailRef) });
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
