import { messageRef, type MonitorHealth, type ScheduleJob, type Settings } from '../../contract';
import { jobLabel } from '../job-runner';
import type { AlertState } from './alert-state';
import { brDateTime, holdText } from './alert-text';

/**
 * OK / warning / error for the tray and the Painel: error while a job or the database fails or the engine is
 * held by the schema check (ADR 0034); warning while a
 * store's budget is out, alert mails could not be delivered, or pendências wait for a person; OK otherwise.
 */
export const healthOf = (state: AlertState, settings: Settings, undeliveredMails: number): MonitorHealth => {
  if (state.database) {
    return {
      level: 'error',
      summary: `Banco de dados do WinThor inacessível desde ${brDateTime(new Date(state.database.since))}`,
      summaryRef: messageRef('health.databaseDown', { since: state.database.since }),
    };
  }
  if (state.engineHeld?.resumedByHand) {
    return {
      level: 'error',
      summary: `Tabelas da integração desatualizadas — retomada manualmente (versão ${state.engineHeld.installed} no banco, ${state.engineHeld.target} nesta versão do integrador)`,
      summaryRef: messageRef('health.engineHeldResumed', {
        installed: state.engineHeld.installed,
        target: state.engineHeld.target,
      }),
    };
  }
  if (state.engineHeld) {
    const { since, resumedByHand: _resumed, ...hold } = state.engineHeld;
    return {
      level: 'error',
      summary: `${holdText(hold)} desde ${brDateTime(new Date(since))}`,
      summaryRef: messageRef('health.engineHeld', {
        context: hold.reason,
        installed: hold.installed,
        target: hold.target,
        since,
      }),
    };
  }
  const failing = Object.entries(state.jobs).sort(([, a], [, b]) => a.since.localeCompare(b.since));
  if (failing.length > 0) {
    const [key, job] = failing[0]!;
    const [branch, name] = key.split('|') as [string, ScheduleJob];
    const more = failing.length > 1 ? ` (+${failing.length - 1})` : '';
    return {
      level: 'error',
      summary: `Com falha: ${jobLabel(name)} (filial ${branch}) desde ${brDateTime(new Date(job.since))}${more}`,
      summaryRef: messageRef('health.jobFailing', {
        job: name,
        branch,
        since: job.since,
        more: failing.length - 1,
      }),
    };
  }
  const budgetOut = Object.keys(state.budgetOut).filter((code) =>
    settings.branches.some((b) => b.code === code),
  );
  if (budgetOut.length > 0) {
    return {
      level: 'warning',
      summary: `Limite de chamadas da loja esgotado nesta hora (filial ${budgetOut.join(', ')})`,
      summaryRef: messageRef('health.budgetOut', { branches: budgetOut.join(', ') }),
    };
  }
  if (undeliveredMails > 0) {
    return {
      level: 'warning',
      summary: `${undeliveredMails} e-mail(s) de alerta não puderam ser enviados (veja Monitorar → Logs)`,
      summaryRef: messageRef('health.mailUndelivered', { count: undeliveredMails }),
    };
  }
  // Only pendências a person must fix (not those the engine still retries on its own), ADR 0035.
  const open = state.waitingForPerson ?? Object.values(state.kinds ?? {}).reduce((sum, n) => sum + n, 0);
  if (open > 0) {
    return {
      level: 'warning',
      summary: `${open} pendência(s) aberta(s) esperando correção`,
      summaryRef: messageRef('health.pendings', { count: open }),
    };
  }
  return { level: 'ok', summary: 'Tudo em dia', summaryRef: messageRef('health.ok') };
};
