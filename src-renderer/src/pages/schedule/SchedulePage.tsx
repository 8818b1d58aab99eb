import { Alert, Loader, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useSyncOverview } from '../../sync/use-sync-overview';
import { useRunBlocked } from '../dashboard/TakeOverButton';
import { BranchSchedules } from './BranchSchedules';

/** Cadastrar → Agendamento (seed §5): what runs for each branch and how often. The branch is in the URL. */
export const SchedulePage = () => {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const overview = useSyncOverview();
  const status = useApiQuery('app.status', {});
  const [params, setParams] = useSearchParams();
  const branches = settings.data?.branches ?? [];
  const branch = branches.find((candidate) => candidate.code === params.get('filial')) ?? branches[0];
  const engine = status.data?.engine;
  // In standby the engine refuses every run: the buttons say why before a click, as the Painel's do.
  const runBlocked = useRunBlocked(engine);

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
