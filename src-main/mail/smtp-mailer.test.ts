import { afterEach, describe, expect, it } from 'vitest';
import { MailError } from './smtp-errors';
import { sendMail, type OutgoingMail, type SmtpServer } from './smtp-mailer';
import {
  closedPort,
  startTestSmtpServer,
  TEST_CERT,
  type TestSmtpServer,
} from './smtp-test-server.test-support';

const PASSWORD = 'S3nha-Secreta!';
const mail: OutgoingMail = {
  from: 'integrador@empresa.com.br',
  to: ['ti@empresa.com.br'],
  cc: ['gerente@empresa.com.br', 'suporte@empresa.com.br'],
  subject: 'Teste de e-mail — Integrador (filial 1)',
  text: 'Alerta de teste: sincronização de preços falhou às 10:00.',
  html: '<p>Alerta de teste: sincronização de <b>preços</b> falhou às 10:00.</p>',
};
const fast = { tlsCa: TEST_CERT, connectionTimeoutMs: 2000, greetingTimeoutMs: 1500, socketTimeoutMs: 3000 };

let servers: TestSmtpServer[] = [];
const start = async (options: Parameters<typeof startTestSmtpServer>[0]) => {
  const server = await startTestSmtpServer(options);
  servers.push(server);
  return server;
};
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const target = (port: number, patch: Partial<SmtpServer> = {}): SmtpServer => ({
  host: '127.0.0.1',
  port,
  protocol: 'starttls',
  user: 'integrador',
  password: PASSWORD,
  ...patch,
});

const failure = async (promise: Promise<unknown>): Promise<MailError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MailError) return error;
    throw error;
  }
  throw new Error('expected the send to fail');
};

describe('sendMail through a real SMTP server (smtp-server)', () => {
  it('STARTTLS with login: the server receives the message, its recipients and copies', async () => {
    const server = await start({ user: 'integrador', password: PASSWORD });
    const sent = await sendMail(target(server.port), mail, fast);
    expect(sent.response).toMatch(/^250/);
    expect(sent.accepted).toEqual(['ti@empresa.com.br', 'gerente@empresa.com.br', 'suporte@empresa.com.br']);
    const [got] = server.received;
    expect(got).toMatchObject({
      from: 'integrador@empresa.com.br',
      recipients: ['ti@empresa.com.br', 'gerente@empresa.com.br', 'suporte@empresa.com.br'],
      subject: 'Teste de e-mail — Integrador (filial 1)',
      to: 'ti@empresa.com.br',
      cc: 'gerente@empresa.com.br, suporte@empresa.com.br',
      login: { username: 'integrador', password: PASSWORD },
    });
    expect(got?.text).toContain('sincronização de preços falhou às 10:00');
    expect(got?.html).toContain('<b>preços</b>');
    expect(got?.raw).not.toContain(PASSWORD);
  });

  it('SMTPS (TLS from the first byte) and plain SMTP each reach their server', async () => {
    const smtps = await start({ secure: true, user: 'integrador', password: PASSWORD });
    await sendMail(target(smtps.port, { protocol: 'smtps' }), mail, fast);
    expect(smtps.received).toHaveLength(1);
    const plain = await start({ starttls: false });
    await sendMail(target(plain.port, { protocol: 'smtp', user: '', password: '' }), mail, fast);
    expect(plain.received).toHaveLength(1);
  });

  it('a wrong password is the login, with the server’s own answer — and the password is nowhere', async () => {
    const server = await start({ user: 'integrador', password: PASSWORD });
    const error = await failure(sendMail(target(server.port, { password: 'errada-123' }), mail, fast));
    expect(error.failed).toBe('auth');
    expect(error.message).toContain('recusou o usuário ou a senha');
    expect(error.serverResponse).toMatch(/^535 /);
    expect(error.message).toContain(error.serverResponse!);
    expect(JSON.stringify({ ...error.toBody(), response: error.serverResponse })).not.toContain('errada-123');
    expect(server.received).toHaveLength(0);
  });

  it('a wrong port is the network: nothing answers there', async () => {
    const error = await failure(sendMail(target(await closedPort()), mail, fast));
    expect(error.failed).toBe('network');
    expect(error.message).toMatch(/Nada atende na porta \d+ de 127\.0\.0\.1: conexão recusada/);
    expect(error.ref.key).toBe('mail.refused');
  });

  it('TLS mismatches each say so: SMTPS against a plain port, STARTTLS where it is not offered, SMTP against SMTPS', async () => {
    const plain = await start({ user: 'integrador', password: PASSWORD });
    const smtpsOnPlain = await failure(sendMail(target(plain.port, { protocol: 'smtps' }), mail, fast));
    expect(smtpsOnPlain).toMatchObject({ failed: 'tls', ref: { key: 'mail.tls' } });
    expect(smtpsOnPlain.fix).toContain('SMTPS usa a porta 465');

    const noStarttls = await start({ starttls: false, user: 'integrador', password: PASSWORD });
    const starttlsRefused = await failure(sendMail(target(noStarttls.port), mail, fast));
    expect(starttlsRefused).toMatchObject({ failed: 'tls', ref: { key: 'mail.tls' } });

    const smtps = await start({ secure: true, user: 'integrador', password: PASSWORD });
    const plainOnSmtps = await failure(sendMail(target(smtps.port, { protocol: 'smtp' }), mail, fast));
    expect(plainOnSmtps).toMatchObject({ failed: 'tls', ref: { key: 'mail.noGreeting' } });
    expect(plainOnSmtps.fix).toContain('Escolha o protocolo SMTPS');
  }, 20_000);

  it('an untrusted certificate is named as such', async () => {
    const server = await start({ user: 'integrador', password: PASSWORD });
    const error = await failure(sendMail(target(server.port), mail, { ...fast, tlsCa: undefined }));
    expect(error).toMatchObject({ failed: 'tls', ref: { key: 'mail.certificate' } });
  });

  it('refuses to try without a server or a recipient (the settings), before connecting', async () => {
    expect((await failure(sendMail(target(25, { host: ' ' }), mail, fast))).failed).toBe('config');
    expect((await failure(sendMail(target(25), { ...mail, to: [] }, fast))).ref.key).toBe('mail.noRecipient');
  });
});
