import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { settingsKey, useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ConnectionForm } from './ConnectionForm';
import { InstallerCard } from './InstallerCard';
import { PrerequisitesCard } from './PrerequisitesCard';

export const DatabasePage = () => {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  return (
    <>
      <PageTitle>{t('nav.database')}</PageTitle>
      <ErrorAlert error={settings.error} />
      {settings.isPending && <Loader aria-label={t('errors.loading')} />}
      {settings.data && (
        <ConnectionForm key={settingsKey(settings.data.database)} database={settings.data.database} />
      )}
      <PrerequisitesCard />
      <InstallerCard />
    </>
  );
};
