import { PageTitle } from '../../components/PageTitle';
import { useTranslation } from 'react-i18next';
import { SetupGuide } from './SetupGuide';

/** Menu → Primeiros passos: the whole guide, done steps included. */
export const SetupPage = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('setup.title')}</PageTitle>
      <SetupGuide />
    </>
  );
};
