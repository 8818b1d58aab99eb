import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { classifySmtpError, MailError, scrubSecret } from './smtp-errors';

/** The SMTP server of a branch, as Cadastrar → E-mail saves it. */
export interface SmtpServer {
  host: string;
  port: number;
  /** smtp: no encryption; starttls: plain, then STARTTLS (required); smtps: TLS from the first byte. */
  protocol: 'smtp' | 'starttls' | 'smtps';
  user: string;
  password: string;
}

/** The SMTP server of a branch's e-mail settings (Cadastrar → E-mail). */
export const smtpServerOf = (email: SmtpServer): SmtpServer => ({
  host: email.host,
  port: email.port,
  protocol: email.protocol,
  user: email.user,
  password: email.password,
});

export interface OutgoingMail {
  from: string;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  text: string;
  html: string;
}

export interface MailerOptions {
  /** Extra certificate authorities to trust (tests: the local server's self-signed certificate). */
  tlsCa?: string;
  /** Connect, greeting and socket time-outs (default 15 s, 10 s, 30 s). */
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export interface SentMail {
  /** The server's answer to the message ("250 OK: queued as …"). */
  response: string;
  accepted: string[];
}

/** The protocols in nodemailer's terms (ADR 0027). */
export const transportOptions = (server: SmtpServer, options: MailerOptions = {}): SMTPTransport.Options => ({
  host: server.host,
  port: server.port,
  secure: server.protocol === 'smtps',
  requireTLS: server.protocol === 'starttls',
  ignoreTLS: server.protocol === 'smtp',
  ...(server.user ? { auth: { user: server.user, pass: server.password } } : {}),
  connectionTimeout: options.connectionTimeoutMs ?? 15_000,
  greetingTimeout: options.greetingTimeoutMs ?? 10_000,
  socketTimeout: options.socketTimeoutMs ?? 30_000,
  ...(options.tlsCa ? { tls: { ca: options.tlsCa } } : {}),
  // Never a transcript: it would carry the AUTH exchange.
  logger: false,
  debug: false,
});

/** Sends one mail on a connection of its own; throws MailError naming what failed (never the password). */
export const sendMail = async (
  server: SmtpServer,
  mail: OutgoingMail,
  options: MailerOptions = {},
): Promise<SentMail> => {
  if (!server.host.trim()) {
    throw new MailError(
      'config',
      'Servidor SMTP: informe o endereço do servidor de e-mail.',
      { key: 'mail.noHost' },
      null,
      'Preencha o servidor, a porta e o protocolo em Cadastrar → E-mail.',
    );
  }
  if (mail.to.length === 0) {
    throw new MailError(
      'config',
      'Destinatários: informe ao menos um endereço que receba os alertas.',
      { key: 'mail.noRecipient' },
      null,
      'Preencha o remetente ou os destinatários em Cadastrar → E-mail.',
    );
  }
  const transport = nodemailer.createTransport(transportOptions(server, options));
  try {
    const info = await transport.sendMail({
      from: mail.from,
      to: [...mail.to],
      ...(mail.cc.length ? { cc: [...mail.cc] } : {}),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return {
      response: scrubSecret(String(info.response ?? ''), server.password, server.user),
      // Strings in @types/nodemailer 8; objects with an address in older typings and some transports.
      accepted: info.accepted.map((a: string | { address: string }) =>
        typeof a === 'string' ? a : a.address,
      ),
    };
  } catch (error) {
    throw classifySmtpError(error, server);
  } finally {
    transport.close();
  }
};
