import { AppError, type MessageKey } from '../shared/app-error';

/** What failed when sending: the settings, the login, TLS, the way there, time, the server, a recipient. */
export type MailFailure = 'config' | 'auth' | 'tls' | 'network' | 'timeout' | 'server' | 'recipient';

/** A mail that could not be sent, said for people (pt-BR, and as a key for another language, ADR 0025). */
export class MailError extends AppError {
  constructor(
    readonly failed: MailFailure,
    message: string,
    readonly ref: MessageKey,
    /** The SMTP server's own answer, when it gave one (never with the password). */
    readonly serverResponse: string | null,
    fix?: string,
  ) {
    super(`mail_${failed}`, message, {
      retryable: failed !== 'config',
      messageRef: ref,
      ...(fix ? { fix } : {}),
    });
    this.name = 'MailError';
  }
}

/** The parts of a nodemailer error we read. */
interface SmtpErrorLike {
  code?: string;
  message?: string;
  response?: string;
  responseCode?: number;
  command?: string;
  cause?: unknown;
}

/** The password, and the forms AUTH sends it in, never leave in a message or a log. */
export const scrubSecret = (text: string, password: string, user = ''): string => {
  if (!password) return text;
  const forms = [
    password,
    Buffer.from(password).toString('base64'),
    Buffer.from(`\u0000${user}\u0000${password}`).toString('base64'),
  ];
  return forms.reduce((out, form) => (form ? out.split(form).join('••••') : out), text);
};

const TLS_CODES = /SSL|TLS|CERT|self[- ]signed|wrong version number|packet length|unable to verify/i;

/**
 * Turns a nodemailer error into one MailError naming the part that failed and the fix (ADR 0027): the
 * server's own answer is kept (wrong password: "535 5.7.8 …"), the rest is said in words.
 */
export const classifySmtpError = (
  error: unknown,
  target: { host: string; port: number; protocol: string; user: string; password: string },
): MailError => {
  const e = (error ?? {}) as SmtpErrorLike;
  const cause = (e.cause ?? {}) as { code?: string };
  const raw = `${e.message ?? ''} ${String(cause.code ?? '')}`;
  const scrub = (text: string) => scrubSecret(text, target.password, target.user);
  const response = e.response ? scrub(e.response.trim()) : null;
  const where = `${target.host}:${target.port}`;
  const params = { host: target.host, port: target.port, response: response ?? '' };
  const said = response ? ` Resposta do servidor: "${response}".` : '';
  if (e.code === 'EAUTH' || (e.code === 'EENVELOPE' && e.responseCode === 530)) {
    return new MailError(
      'auth',
      `O servidor SMTP ${where} recusou o usuário ou a senha.${said}`,
      { key: 'mail.auth', params },
      response,
      'Confira o usuário e a senha do e-mail (alguns provedores exigem uma senha de aplicativo).',
    );
  }
  if (e.code === 'ETLS' || (e.code === 'ESOCKET' && TLS_CODES.test(raw))) {
    const certificate = /CERT|self[- ]signed|unable to verify/i.test(raw);
    return new MailError(
      'tls',
      certificate
        ? `O certificado TLS do servidor SMTP ${where} não é confiável (${scrub(e.message ?? '')}).`
        : `O servidor SMTP ${where} não fala o protocolo escolhido (${target.protocol.toUpperCase()}): a conexão segura (TLS) falhou.${said}`,
      {
        key: certificate ? 'mail.certificate' : 'mail.tls',
        params: { ...params, protocol: target.protocol },
      },
      response,
      certificate
        ? 'Use o nome do servidor que consta no certificado, ou peça ao provedor um certificado válido.'
        : 'Confira o protocolo e a porta: SMTPS usa a porta 465; STARTTLS, a 587; SMTP sem criptografia, a 25.',
    );
  }
  if (e.code === 'ETIMEDOUT' && /Greeting never received/i.test(e.message ?? '')) {
    return new MailError(
      'tls',
      `O servidor SMTP ${where} aceitou a conexão mas não mandou a saudação SMTP: a porta deve ser de SMTPS (TLS desde o início).`,
      { key: 'mail.noGreeting', params },
      response,
      'Escolha o protocolo SMTPS para esta porta, ou use a porta de SMTP/STARTTLS do provedor (25 ou 587).',
    );
  }
  if (e.code === 'ETIMEDOUT') {
    return new MailError(
      'timeout',
      `O servidor SMTP ${where} não respondeu a tempo.`,
      { key: 'mail.timeout', params },
      response,
      'Confira o endereço e a porta, e se o firewall deste computador libera a saída para o servidor SMTP.',
    );
  }
  if (e.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(raw)) {
    return new MailError(
      'network',
      `O endereço do servidor SMTP "${target.host}" não foi encontrado (DNS).`,
      { key: 'mail.dns', params },
      null,
      'Confira o nome do servidor SMTP (ex.: smtp.empresa.com.br).',
    );
  }
  if (e.code === 'ESOCKET' || e.code === 'ECONNECTION') {
    const refused = /ECONNREFUSED/.test(raw);
    return new MailError(
      'network',
      refused
        ? `Nada atende na porta ${target.port} de ${target.host}: conexão recusada.`
        : `A conexão com o servidor SMTP ${where} caiu: ${scrub(e.message ?? '')}.${said}`,
      { key: refused ? 'mail.refused' : 'mail.connection', params },
      response,
      'Confira o servidor e a porta (587 para STARTTLS, 465 para SMTPS, 25 para SMTP) e a rede deste computador.',
    );
  }
  if (e.code === 'EENVELOPE') {
    const recipient = e.command === 'RCPT TO';
    return new MailError(
      recipient ? 'recipient' : 'server',
      recipient
        ? `O servidor SMTP recusou um destinatário.${said}`
        : `O servidor SMTP recusou a mensagem.${said}`,
      { key: recipient ? 'mail.recipient' : 'mail.refusedMessage', params },
      response,
      recipient
        ? 'Confira os destinatários e os e-mails para cópia.'
        : 'Confira o remetente: muitos servidores só aceitam o endereço da própria conta.',
    );
  }
  return new MailError(
    'server',
    `O servidor SMTP ${where} não aceitou o envio: ${scrub(e.message ?? String(error))}.${said}`,
    { key: 'mail.server', params: { ...params, detail: scrub(e.message ?? '') } },
    response,
    'Tente de novo em alguns minutos; se persistir, leve esta mensagem ao responsável pelo servidor de e-mail.',
  );
};
