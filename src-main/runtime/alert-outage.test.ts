import { afterEach, describe, expect, it } from 'vitest';
import { StoreClientRegistry } from '../ciashop/store-registry';
import { Branch, defaultSettings, type AlertEvent, type Settings } from '../contract';
import { memoryAlertStateStore } from '../engine/alerts/alert-state';
import { EngineController } from '../engine/engine-controller';
import { CATALOGUE_JOBS } from '../engine/jobs/catalogue-jobs';
import { sendMail } from '../mail/smtp-mailer';
import { startTestSmtpServer, TEST_CERT, type TestSmtpServer } from '../mail/smtp-test-server.test-support';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import { SkippingClock } from '../shared/test-clocks.test-support';
import { DatabaseService } from '../winthor/database-service';
import type { SqliteDb } from '../winthor/db/sqlite-db';
import { install } from '../winthor/schema/installer';
import { createTestWinthor } from '../winthor/test-winthor.test-support';
import { createEnginePorts } from './engine-ports';
import { EventBus } from './event-bus';
import { createMonitoring } from './monitoring-runtime';

const PASSWORD = 'Smtp-S3gredo!';
const MINUTE = 60_000;

/**
 * The whole alert path on real parts: the embedded WinThor, the store sandbox (down for an hour), the
 * engine and its events, the monitoring's own ports, nodemailer and a real SMTP server that receives the
 * mails. Time is simulated (a skipping clock moved one minute per run), so an hour takes seconds.
 */
describe('an hour-long store outage with a run every minute', () => {
  let db: SqliteDb;
  let sandbox: StoreSandbox;
  let smtp: TestSmtpServer;
  let stop: () => Promise<void> = async () => {};
  afterEach(async () => {
    await stop();
  });

  it('mails the first failure, one reminder and the recovery — to the recipients and copies, never the password', async () => {
    db = await createTestWinthor({ products: 15, customers: 1 });
    await install(db);
    sandbox = await startStoreSandbox({ budgetPerHour: 0 });
    smtp = await startTestSmtpServer({ user: 'alertas@empresa.com.br', password: PASSWORD });
    const settings: Settings = {
      ...defaultSettings(),
      database: { ...defaultSettings().database, kind: 'embedded', embedded: { file: ':memory:' } },
      monitoring: {
        logRetentionDays: 30,
        resolvedPendingRetentionDays: 90,
        uiUrl: 'http://integrador.local:7585',
      },
      branches: [
        Branch.parse({
          code: '1',
          name: 'Matriz',
          store: { url: sandbox.url, token: sandbox.token },
          schedules: [],
          email: {
            enabled: true,
            host: '127.0.0.1',
            port: smtp.port,
            protocol: 'starttls',
            from: 'alertas@empresa.com.br',
            user: 'alertas@empresa.com.br',
            password: PASSWORD,
            to: ['ti@empresa.com.br'],
            cc: ['gerente@empresa.com.br', 'suporte@empresa.com.br'],
          },
        }),
      ],
    };
    const clock = new SkippingClock();
    const database = new DatabaseService(() => settings, { open: async () => db });
    const stores = new StoreClientRegistry(() => settings, { clock });
    const events = new EventBus();
    const lines: string[] = [];
    const alerts: AlertEvent[] = [];
    events.on('alert.raised', (event) => alerts.push(event));
    const monitoring = createMonitoring({
      settings: () => settings,
      database,
      stores,
      events,
      send: (server, mail) => sendMail(server, mail, { tlsCa: TEST_CERT }),
      state: memoryAlertStateStore(),
      now: () => new Date(clock.now()),
      log: (_level, message) => lines.push(message),
      logLine: (line) => lines.push(line.message),
    });
    // As create-runtime wires it: the engine's finished runs reach the alerts through the event bus.
    const told: Array<Promise<void>> = [];
    events.on('sync.run', (event) => {
      if (event.phase === 'finished') told.push(monitoring.alerts.runFinished(event));
    });
    const engine = new EngineController({
      ports: createEnginePorts({ settings: () => settings, database, stores, clock }),
      jobs: CATALOGUE_JOBS,
      scheduler: false,
      onEvent: (event) => events.emit('sync.run', event),
    });
    engine.start();
    stop = async () => {
      await engine.stop();
      stores.close();
      await sandbox.stop();
      await smtp.close();
      await db.close();
    };
    const runOnce = async () => {
      const { started } = await engine.run({ branch: '1', job: 'categories' }, 'schedule');
      await engine.runner?.activeRun('1', 'categories')?.finished;
      await Promise.all(told.splice(0));
      await monitoring.alerts.tick();
      return started[0]!.runId;
    };

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
