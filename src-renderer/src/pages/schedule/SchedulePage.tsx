import { Alert, Loader, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useSyncOverview } from '../../sync/use-sync-overview';
import { serverText } from '../../i18n/server-text';
import { useStandbyText } from '../dashboard/TakeOverButton';
import { BranchSchedules } from './BranchSchedules';

/** Cadastrar → Agendamento (seed §5): what runs for each branch and how often. The branch is in the URL. */
export const SchedulePage = () => {
  const { t, i18n } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const overview = useSyncOverview();
  const status = useApiQuery('app.status', {});
  const [params, setParams] = useSearchParams();
  const branches = settings.data?.branches ?? [];
  const branch = branches.find((candidate) => candidate.code === params.get('filial')) ?? branches[0];
  const engine = status.data?.engine;
  const standbyText = useStandbyText(engine?.standby);
  // In standby the engine refuses every run: the buttons say why before a click, as the Painel's does.
  // Another engine holds the database: "Assumir" on the Painel. This one could not renew it (stale, no
  // holder shown): no "Assumir" there — the fix is the database connection.
  const runBlocked =
    engine?.state !== 'standby'
      ? null
      : standbyText
        ? t('schedule.runStandby', { reason: standbyText })
        : t('schedule.runStale', { reason: serverText(i18n, engine.detail, engine.detailRef) });

  return (
    <>
      <PageTitle>{t('nav.schedule')}</PageTitle>
      <ErrorAlert error={settings.error ?? overview.error} />
      {settings.isPending && <Loader aria-label={t('errors.loading')} />}
      {settings.data && branches.length === 0 && <Alert color="blue">{t('schedule.noBranches')}</Alert>}
      {branch && (
        <>
          <Select
            label={t('schedule.branch')}
            data={branches.map((b) => ({ value: b.code, label: b.name ? `${b.code} — ${b.name}` : b.code }))}
            value={branch.code}
            onChange={(code) => code && setParams({ filial: code }, { replace: true })}
            allowDeselect={false}
            w={360}
            mb="md"
          />
          <BranchSchedules
            key={branch.code}
            branch={branch}
            overview={overview.data}
            enginePaused={engine?.state === 'paused'}
            runBlocked={runBlocked}
          />
        </>
      )}
    </>
  );
};
