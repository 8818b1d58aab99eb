import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useBranchOptions } from '../monitor/use-branch-options';
import { EmailForm } from './EmailForm';
import { MonitoringSettingsCard } from './MonitoringSettingsCard';

/** Cadastrar → E-mail, per branch: the SMTP server and sender, the copies, when alerts go out. */
export const EmailPage = () => {
  const { t } = useTranslation();
  const settings = useApiQuery('settings.get', {});
  const branches = useBranchOptions(false);
  const [picked, setPicked] = useState<string | null>(null);
  const code = picked ?? branches[0]?.value ?? null;
  const branch = settings.data?.branches.find((b) => b.code === code);
  return (
    <>
      <PageTitle>{t('email.title')}</PageTitle>
      <ErrorAlert error={settings.error} />
      {settings.data && branches.length === 0 && <Text c="dimmed">{t('email.noBranches')}</Text>}
      {branches.length > 0 && (
        <Select
          label={t('email.branch')}
          data={branches}
          value={code}
          onChange={setPicked}
          allowDeselect={false}
          w={260}
          mb="md"
        />
      )}
      {branch && (
        <EmailForm
          key={`${branch.code}:${JSON.stringify(branch.email)}`}
          branch={branch.code}
          email={branch.email}
        />
      )}
      {settings.data && (
        <MonitoringSettingsCard
          key={JSON.stringify(settings.data.monitoring)}
          monitoring={settings.data.monitoring}
        />
      )}
    </>
  );
};
