import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { BranchesForm } from './BranchesForm';
import { ExportImportCard } from './ExportImportCard';
import { ServerForm } from './ServerForm';

export const SettingsPage = () => {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <ErrorAlert error={settings.error} />
      {settings.isPending && <Loader aria-label={t('errors.loading')} />}
      {settings.data && (
        <>
          <BranchesForm settings={settings.data} />
          <ServerForm settings={settings.data} />
          <ExportImportCard />
        </>
      )}
    </>
  );
};
