import type { AlertEvent } from '../../contract';
import { smtpServerOf } from '../../mail/smtp-mailer';
import type { AlertFacts } from './alert-facts';
import { renderAlertMail } from './alert-mail';
import type { AlertPorts } from './alert-ports';
import { recipientsOf, uiUrlOf } from './alert-recipients';
import type { AlertState } from './alert-state';
import { alertLines, alertTitle } from './alert-text';
import type { MailOutbox } from './mail-outbox';

const HOUR = 3_600_000;

/** The alerts that tell something is back: severity ok, mailed past the hour's limit. */
const RECOVERY_KINDS: ReadonlySet<AlertFacts['kind']> = new Set([
  'job_recovered',
  'database_recovered',
  'engine_released',
]);

const severityOf = (kind: AlertFacts['kind']): AlertEvent['severity'] =>
  RECOVERY_KINDS.has(kind)
    ? 'ok'
    : kind === 'job_failed' ||
        kind === 'job_still_failing' ||
        kind === 'database_unreachable' ||
        kind === 'engine_held'
      ? 'error'
      : 'warning';

/**
 * One alert out (ADR 0027): the tray hears it (event) and the log has it; the branch's people get a mail
 * when its e-mail is on and the hour's limit allows — past the limit it is counted, and the next mail says
 * how many were held back. A recovery is never held back (the people told of a failure must hear it
 * ended); a `quiet` alert goes to the tray and the log only. The mail leaves through the outbox: this
 * returns at once, saying whether a mail was posted.
 */
export const dispatchAlert = async (
  facts: AlertFacts,
  ports: AlertPorts,
  outbox: MailOutbox,
  state: AlertState,
  save: () => void,
  options: { quiet?: boolean } = {},
): Promise<boolean> => {
  const title = alertTitle(facts);
  const code = facts.branch?.code ?? null;
  if (facts.kind !== 'daily_summary') {
    ports.emit({
      kind: facts.kind,
      branch: code,
      severity: severityOf(facts.kind),
      title,
      body: alertLines(facts)
        .slice(code ? 1 : 0, 3)
        .join(' '),
      params: {
        ...(facts.job ? { job: facts.job } : {}),
        ...(facts.pendingKind ? { pendingKind: facts.pendingKind } : {}),
        ...(facts.since ? { since: facts.since.toISOString() } : {}),
      },
      at: facts.at.toISOString(),
    });
    ports.log(RECOVERY_KINDS.has(facts.kind) ? 'info' : 'warn', `Alerta: ${title}.`, code);
  }
  const branch = code ? ports.settings().branches.find((b) => b.code === code) : undefined;
  if (options.quiet || !branch?.email.enabled || !branch.email.host) return false;
  const email = branch.email;
  const sent = (state.sent[branch.code] ?? []).filter((t) => t > facts.at.getTime() - HOUR);
  const recovery = RECOVERY_KINDS.has(facts.kind);
  if (!recovery && sent.length >= email.alerts.maxPerHour) {
    state.suppressed[branch.code] = (state.suppressed[branch.code] ?? 0) + 1;
    state.sent[branch.code] = sent;
    save();
    ports.log(
      'warn',
      `Alerta não enviado por e-mail (limite de ${email.alerts.maxPerHour} por hora da filial ${branch.code}): ${title}.`,
      branch.code,
    );
    return false;
  }
  const suppressed = state.suppressed[branch.code] ?? 0;
  state.sent[branch.code] = [...sent, facts.at.getTime()];
  delete state.suppressed[branch.code];
  save();
  const mail = renderAlertMail(
    { ...facts, ...(suppressed ? { suppressed } : {}) },
    uiUrlOf(ports.settings()),
  );
  outbox.post(branch.code, smtpServerOf(email), { from: email.from, ...recipientsOf(email), ...mail }, title);
  return true;
};
