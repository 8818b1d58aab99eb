import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/transport';

/** Shows an API failure: the message (pt-BR, from the server) and, when known, the fix. */
export const ErrorAlert = ({ error }: { error: Error | null | undefined }) => {
  const { t } = useTranslation();
  if (!error) return null;
  const fix = error instanceof ApiCallError ? error.body.fix : undefined;
  return (
    <Alert color="red" title={t('errors.title')} role="alert" mb="md">
      {error.message}
      {fix && <div>{fix}</div>}
    </Alert>
  );
};
