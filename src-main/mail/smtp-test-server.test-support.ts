import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

const testdata = new URL('../ciashop/testdata/', import.meta.url);
/** The self-signed certificate of the local test servers (CN localhost), trusted by the tests' mailer. */
export const TEST_CERT = readFileSync(new URL('self-signed.cert.pem', testdata), 'utf8');
const TEST_KEY = readFileSync(new URL('self-signed.key.pem', testdata), 'utf8');

/** A mail as the test server received it, decoded enough to read. */
export interface ReceivedMail {
  from: string;
  /** Envelope recipients (To and Cc). */
  recipients: string[];
  subject: string;
  to: string;
  cc: string;
  text: string;
  html: string;
  raw: string;
  /** The AUTH the client sent, as the server saw it. */
  login: { username: string; password: string } | null;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** Session errors the server reported (a client leaving during TLS…). */
  errors: Error[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on a free local port: SMTPS (`secure`), STARTTLS offered
 * or hidden, AUTH required with one user and password. Tests send to it and read what arrived.
 */
export const startTestSmtpServer = async (
  options: {
    secure?: boolean;
    starttls?: boolean;
    user?: string;
    password?: string;
    /** Refuse this many sends with 451 before accepting (a mail server that is down for a while). */
    refuse?: number;
  } = {},
): Promise<TestSmtpServer> => {
  const received: ReceivedMail[] = [];
  let refuse = options.refuse ?? 0;
  const auth = options.user !== undefined;
  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    key: TEST_KEY,
    cert: TEST_CERT,
    authOptional: !auth,
    disabledCommands: [...(auth ? [] : ['AUTH']), ...(options.starttls === false ? ['STARTTLS'] : [])],
    allowInsecureAuth: true,
    logger: false,
    onAuth(login, _session, callback) {
      if (login.username === options.user && login.password === options.password)
        return callback(null, { user: login.username });
      return callback(new Error('Authentication credentials invalid'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          const error = new Error('Servidor ocupado, tente mais tarde') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          ...parseMail(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          recipients: session.envelope.rcptTo.map((r) => r.address),
          raw,
          login: session.user ? { username: String(session.user), password: options.password ?? '' } : null,
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  // A client that gives up in the middle of TLS (the mismatch tests) is an error of the server's session:
  // kept, not thrown into the test run.
  const errors: Error[] = [];
  server.on('error', (error: Error) => errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** A free port nothing listens on (a wrong port). */
export const closedPort = async (): Promise<number> => {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
};

// ---- a small reader of what nodemailer writes: headers, multipart/alternative, QP/base64, encoded words

const unfold = (head: string) => head.replace(/\r?\n[ \t]+/g, ' ');
const header = (head: string, name: string): string =>
  new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfold(head))?.[1]?.trim() ?? '';

const decodeWords = (value: string): string =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );

const decodeBody = (body: string, encoding: string): string => {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
};

const split = (raw: string): [string, string] => {
  const at = raw.search(/\r?\n\r?\n/);
  return at < 0 ? [raw, ''] : [raw.slice(0, at), raw.slice(at).replace(/^\r?\n\r?\n/, '')];
};

const parseMail = (raw: string): Omit<ReceivedMail, 'from' | 'recipients' | 'raw' | 'login'> => {
  const [head, body] = split(raw);
  const type = header(head, 'Content-Type');
  const parts: Array<{ type: string; text: string }> = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const [partHead, partBody] = split(chunk.replace(/^\r?\n/, ''));
      parts.push({
        type: header(partHead, 'Content-Type'),
        text: decodeBody(partBody, header(partHead, 'Content-Transfer-Encoding')),
      });
    }
  } else parts.push({ type, text: decodeBody(body, header(head, 'Content-Transfer-Encoding')) });
  return {
    subject: decodeWords(header(head, 'Subject')),
    to: header(head, 'To'),
    cc: header(head, 'Cc'),
    text: parts.find((p) => /text\/plain/i.test(p.type))?.text ?? '',
    html: parts.find((p) => /text\/html/i.test(p.type))?.text ?? '',
  };
};
