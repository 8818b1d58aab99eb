import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { settingsKey, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { BranchesForm } from './BranchesForm';
import { ExportImportCard } from './ExportImportCard';
import { ServerForm } from './ServerForm';
import { ThisComputerCard } from './ThisComputerCard';

export const SettingsPage = () => {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const status = useApiQuery('app.status', {});
  // Bumped by each import: the forms drop unsaved edits and show the imported values.
  const [imports, setImports] = useState(0);
  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <ErrorAlert error={settings.error} />
      {settings.isPending && <Loader aria-label={t('errors.loading')} />}
      {settings.data && (
        <>
          <BranchesForm key={settingsKey(settings.data.branches, imports)} settings={settings.data} />
          <ServerForm
            key={settingsKey(settings.data.server, imports)}
            settings={settings.data}
            web={status.data?.web}
          />
          <ExportImportCard onImported={() => setImports((n) => n + 1)} />
          <ThisComputerCard />
        </>
      )}
    </>
  );
};
