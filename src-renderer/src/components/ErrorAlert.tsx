import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/transport';
import { useServerText } from '../i18n/server-text';

/**
 * Shows an API failure: the message and, when known, the fix — in the UI's language when the server sent
 * them as keys (ADR 0025), each problem of a refused input on its own line.
 */
export const ErrorAlert = ({ error }: { error: Error | null | undefined }) => {
  const { t, i18n } = useTranslation();
  const server = useServerText();
  if (!error) return null;
  const body = error instanceof ApiCallError ? error.body : undefined;
  const issues = body?.issues && i18n.language !== 'pt-BR' ? body.issues : null;
  const message = body ? server.text(body.message, body.messageRef) : error.message;
  const fix = body?.fix ? server.text(body.fix, body.fixRef) : undefined;
  return (
    <Alert color="red" title={t('errors.title')} role="alert" mb="md">
      {issues ? issues.map((issue, i) => <div key={i}>{server.issue(issue)}</div>) : message}
      {fix && <div>{fix}</div>}
    </Alert>
  );
};
