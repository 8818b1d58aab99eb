import { SECRET_MASK, type Branch, type EmailTestResult } from '../../contract';
import { unknownBranchError } from '../../shared/unknown-branch';
import { smtpPasswordTarget } from '../../contract/secret-targets';
import type { SettingsService } from '../../config/settings-service';
import { renderAlertMail } from '../../engine/alerts/alert-mail';
import { recipientsOf, uiUrlOf } from '../../engine/alerts/alert-recipients';
import { MailError } from '../../mail/smtp-errors';
import { smtpServerOf, type OutgoingMail, type SentMail, type SmtpServer } from '../../mail/smtp-mailer';
import type { AppError } from '../../shared/app-error';
import type { HandlerGroup } from '../handlers';

export type MailSender = (server: SmtpServer, mail: OutgoingMail) => Promise<SentMail>;

const unknownBranch = (code: string): AppError =>
  unknownBranchError(code, 'Cadastre a filial em Configuração antes de configurar o e-mail dela.');

const configFailure = (message: string, key: string, recipients: string[] = []): EmailTestResult => ({
  ok: false,
  failed: 'config',
  message,
  messageRef: { key },
  serverResponse: null,
  recipients,
});

/** Cadastrar → E-mail: save a branch's SMTP settings and copies; "Enviar teste" with the server's answer. */
export const emailHandlers = (
  settings: SettingsService,
  send: MailSender,
  now: () => Date,
): HandlerGroup<'email.save' | 'email.test'> => ({
  'email.save': async ({ branch, email }) => {
    const branches = settings.getMasked().branches;
    if (!branches.some((b) => b.code === branch)) throw unknownBranch(branch);
    const saved = settings.update({
      branches: branches.map((b) => (b.code === branch ? { ...b, email } : b)),
    });
    return { email: saved.branches.find((b) => b.code === branch)!.email };
  },
  'email.test': async ({ branch: code, email: typed, to }) => {
    const branch = settings.get().branches.find((b) => b.code === code);
    if (!branch) throw unknownBranch(code);
    const saved = branch.email;
    let email: Branch['email'] = typed ?? saved;
    if (typed && (typed.password === SECRET_MASK || typed.password === '')) {
      // The saved password only ever goes to the saved server and user (its target, ADR 0008).
      if (saved.password && smtpPasswordTarget(typed) !== smtpPasswordTarget(saved)) {
        return configFailure(
          'Senha: para testar outro servidor SMTP ou usuário, digite a senha (a senha guardada só é enviada ao servidor salvo).',
          'mail.passwordRequired',
        );
      }
      email = { ...typed, password: saved.password };
    }
    if (!email.host)
      return configFailure('Servidor SMTP: informe o endereço do servidor de e-mail.', 'mail.noHost');
    if (!email.from)
      return configFailure(
        'Remetente: informe o endereço que envia os alertas.',
        'validation.emailSenderRequired',
      );
    const recipients = to ? { to: [to], cc: [] } : recipientsOf(email);
    const all = [...recipients.to, ...recipients.cc];
    const mail = renderAlertMail(
      { kind: 'test', branch: { code: branch.code, name: branch.name }, at: now() },
      uiUrlOf(settings.get()),
    );
    try {
      const sent = await send(smtpServerOf(email), { from: email.from, ...recipients, ...mail });
      return {
        ok: true,
        failed: 'none',
        message: `E-mail de teste enviado para ${all.join(', ')}. Resposta do servidor: "${sent.response}".`,
        messageRef: { key: 'mail.sent', params: { recipients: all.join(', '), response: sent.response } },
        serverResponse: sent.response,
        recipients: all,
      };
    } catch (error) {
      if (!(error instanceof MailError)) throw error;
      return {
        ok: false,
        failed: error.failed,
        message: error.fix ? `${error.message} ${error.fix}` : error.message,
        messageRef: error.ref,
        serverResponse: error.serverResponse,
        recipients: all,
      };
    }
  },
});
