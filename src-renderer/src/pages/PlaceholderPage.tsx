import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

/** A menu entry whose screen belongs to a later issue: says so plainly instead of pretending. */
export const PlaceholderPage = ({ titleKey }: { titleKey: string }) => {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t(titleKey)}</PageTitle>
      <Alert color="blue">{t('placeholder.comingSoon')}</Alert>
    </>
  );
};
