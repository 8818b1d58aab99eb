import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ScheduleJob, SyncRunResult } from '@contract';
import { useApiMutation } from '../api/hooks';
import { ApiCallError } from '../api/transport';

/**
 * "Executar agora" for one branch and job (`sync.run`): the answer comes at once and is told in a
 * notification — the run's number, "já em execução" with the running one's number, or why it was refused.
 */
export const useRunNow = () => {
  const { t } = useTranslation();
  const tell = (result: SyncRunResult) => {
    const job = (value: ScheduleJob) => t(`jobs.${value}`);
    for (const ticket of result.started)
      notifications.show({
        color: 'green',
        message: t('sync.runStarted', { job: job(ticket.job), branch: ticket.branch, runId: ticket.runId }),
      });
    for (const ticket of result.alreadyRunning)
      notifications.show({
        color: 'blue',
        message: t('sync.runAlready', { job: job(ticket.job), branch: ticket.branch, runId: ticket.runId }),
      });
    for (const refusal of result.refused)
      notifications.show({
        color: 'red',
        message: t('sync.runRefused', {
          job: job(refusal.job),
          branch: refusal.branch,
          message: refusal.message,
        }),
      });
    if (result.started.length + result.alreadyRunning.length + result.refused.length === 0)
      notifications.show({ color: 'yellow', message: t('sync.runNothing') });
  };
  const mutation = useApiMutation('sync.run', ['sync.overview'], { onSuccess: tell });
  const run = (branch: string, job: ScheduleJob) =>
    mutation.mutate(
      { branch, job },
      {
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('errors.title'),
            message: [error.message, error instanceof ApiCallError ? error.body.fix : undefined]
              .filter(Boolean)
              .join(' '),
          }),
      },
    );
  /** True while the call for this branch and job has not answered. */
  const isStarting = (branch: string, job: ScheduleJob) =>
    mutation.isPending && mutation.variables?.branch === branch && mutation.variables.job === job;
  return { run, isStarting };
};

/** The main "Executar agora"'s notifications: a new click replaces the last one instead of stacking. */
const RUN_ALL_NOTICE = 'sync-run-all';
const showOnce = (id: string, notice: Parameters<typeof notifications.show>[0]) => {
  notifications.hide(id);
  notifications.show({ ...notice, id });
};

/**
 * The Painel's main "Executar agora" (every job with an enabled schedule of every enabled branch,
 * `sync.run` with no branch or job): one notification saying what started, with each run's number, what
 * was already running, and each refusal. Clicked again, its notices replace the earlier ones (a stack of
 * long notices would cover the header for minutes).
 */
export const useRunAll = () => {
  const { t } = useTranslation();
  const ticket = (value: { job: ScheduleJob; branch: string; runId: number }) =>
    t('sync.ticket', { job: t(`jobs.${value.job}`), branch: value.branch, runId: value.runId });
  const tell = (result: SyncRunResult) => {
    const lines = [
      ...(result.started.length
        ? [
            t('sync.runAllStarted', {
              count: result.started.length,
              list: result.started.map(ticket).join(', '),
            }),
          ]
        : []),
      ...(result.alreadyRunning.length
        ? [
            t('sync.runAllAlready', {
              count: result.alreadyRunning.length,
              list: result.alreadyRunning.map(ticket).join(', '),
            }),
          ]
        : []),
    ];
    if (lines.length)
      showOnce(RUN_ALL_NOTICE, { color: result.started.length ? 'green' : 'blue', message: lines.join(' ') });
    for (const refusal of result.refused)
      showOnce(`${RUN_ALL_NOTICE}-${refusal.branch}-${refusal.job}`, {
        color: 'red',
        message: t('sync.runRefused', {
          job: t(`jobs.${refusal.job}`),
          branch: refusal.branch,
          message: refusal.message,
        }),
      });
    if (result.started.length + result.alreadyRunning.length + result.refused.length === 0)
      showOnce(`${RUN_ALL_NOTICE}-nothing`, { color: 'yellow', message: t('sync.runNothing') });
  };
  return useApiMutation('sync.run', ['app.status', 'sync.overview'], { onSuccess: tell });
};
