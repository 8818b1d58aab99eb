import { describe, expect, it } from 'vitest';
import { alertPathPerTest } from './alert-path.test-support';

const PASSWORD = 'Smtp-S3gredo!';
const MINUTE = 60_000;

/**
 * The whole alert path on real parts: the embedded WinThor, the store sandbox (down for an hour), the
 * engine and its events, the monitoring's own ports, nodemailer and a real SMTP server that receives the
 * mails. Time is simulated (a skipping clock moved one minute per run), so an hour takes seconds.
 */
describe('an hour-long store outage with a run every minute', () => {
  const start = alertPathPerTest();

  it('mails the first failure, one reminder and the recovery — to the recipients and copies, never the password', async () => {
    const path = await start({
      products: 15,
      budgetPerHour: 0,
      mail: { password: PASSWORD, cc: ['gerente@empresa.com.br', 'suporte@empresa.com.br'] },
      monitoring: {
        logRetentionDays: 30,
        resolvedPendingRetentionDays: 90,
        uiUrl: 'http://integrador.local:7585',
      },
    });
    const { db, sandbox, clock, alerts, lines, monitoring } = path;
    const smtp = path.smtp!;
    const runOnce = () => path.run();

    sandbox.faults.add({ type: 'server-error', status: 503 });
    const statuses: string[] = [];
    for (let minute = 0; minute < 60; minute++) {
      await runOnce();
      statuses.push((await db.queryOne(`SELECT STATUS FROM WTC_RUN ORDER BY ID DESC`))!.STATUS as string);
      clock.advance(MINUTE);
    }
    expect(new Set(statuses)).toEqual(new Set(['failed']));
    sandbox.faults.clear();
    clock.advance(10 * MINUTE); // the store client's circuit lets a trial call through again
    await runOnce();
    expect((await db.queryOne(`SELECT STATUS FROM WTC_RUN ORDER BY ID DESC`))!.STATUS).toBe('ok');
    await monitoring.alerts.tick();

    const subjects = smtp.received.map((mail) => mail.subject);
    expect(subjects).toEqual([
      '[Integrador WinThor Ciashop] Categorias falhou (filial 1)',
      '[Integrador WinThor Ciashop] Categorias continua falhando há 30 min (filial 1)',
      '[Integrador WinThor Ciashop] Categorias voltou a funcionar (filial 1)',
    ]);
    for (const mail of smtp.received) {
      expect(mail.recipients).toEqual([
        'ti@empresa.com.br',
        'gerente@empresa.com.br',
        'suporte@empresa.com.br',
      ]);
      expect(mail).toMatchObject({
        from: 'alertas@empresa.com.br',
        to: 'ti@empresa.com.br',
        cc: 'gerente@empresa.com.br, suporte@empresa.com.br',
      });
      expect(mail.html).toContain('http://integrador.local:7585/#/monitorar/logs?branch=1&amp;run=');
      expect(mail.raw).not.toContain(PASSWORD);
    }
    const [first, , recovered] = smtp.received;
    expect(first?.text).toContain('O que falhou: a sincronização de categorias.');
    expect(first?.text).toMatch(/Mensagem: .*HTTP 503/);
    expect(first?.text).toContain('Como resolver: Veja a execução pelo link abaixo');
    expect(recovered?.text).toMatch(/Ficou com falha de .* \(1 h 10 min\)\./);
    expect(alerts.map((a) => a.kind)).toEqual(['job_failed', 'job_still_failing', 'job_recovered']);
    expect(JSON.stringify({ lines, alerts })).not.toContain(PASSWORD);
    expect(lines.filter((line) => line.startsWith('Alerta enviado por e-mail'))).toHaveLength(3);
  }, 120_000);
});
