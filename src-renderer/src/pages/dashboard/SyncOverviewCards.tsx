import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNow, useSyncOverview } from '../../sync/use-sync-overview';
import { useRunNow } from '../../sync/use-run-now';
import { BranchSyncCard } from './BranchSyncCard';

interface SyncOverviewCardsProps {
  enginePaused: boolean;
  /** Why no run starts now (standby: another integrator holds the database); null/absent when runs may start. */
  runBlocked?: string | null;
}

/** The Painel's sync picture: one card per branch, live from `sync.overview` and the `sync.run` events. */
export const SyncOverviewCards = ({ enginePaused, runBlocked = null }: SyncOverviewCardsProps) => {
  const { t } = useTranslation();
  const overview = useSyncOverview();
  const runNow = useRunNow();
  const now = useNow();
  return (
    <>
      <ErrorAlert error={overview.error} />
      {overview.data && overview.data.branches.length === 0 && (
        <Alert color="blue" mt="md">
          {t('dashboard.noSyncBranches')}
        </Alert>
      )}
      {overview.data?.branches.map((branch) => (
        <BranchSyncCard
          key={branch.branch}
          branch={branch}
          enginePaused={enginePaused}
          runBlocked={runBlocked}
          now={now}
          isStarting={runNow.isStarting}
          onRunNow={runNow.run}
        />
      ))}
    </>
  );
};
