import { describe, expect, it } from 'vitest';
import {
  Branch,
  defaultSettings,
  type AlertEvent,
  type MonitorHealth,
  type Settings,
  type SyncRunEvent,
} from '../../contract';
import type { OutgoingMail } from '../../mail/smtp-mailer';
import type { PendingRecord } from '../../winthor';
import { MailError } from '../../mail/smtp-errors';
import type { BudgetLeft } from '../../ciashop/api-budget';
import { ORDER_CANCELLED_KIND } from './alert-facts';
import { AlertMonitor } from './alert-monitor';
import type { AlertPorts } from './alert-ports';
import { memoryAlertStateStore } from './alert-state';

const MINUTE = 60_000;

/** Ports on memory: a clock the test moves, the mails and events kept, the database answering or not. */
const setup = (patch: { email?: Partial<Branch['email']>; enabled?: boolean } = {}) => {
  const settings: Settings = {
    ...defaultSettings(),
    branches: [
      Branch.parse({
        code: '1',
        name: 'Matriz',
        enabled: patch.enabled ?? true,
        store: { url: 'https://loja.test', token: 't' },
        email: {
          enabled: true,
          host: 'smtp.empresa.com.br',
          port: 587,
          protocol: 'starttls',
          from: 'integrador@empresa.com.br',
          user: 'integrador',
          password: 'segredo-smtp',
          to: ['ti@empresa.com.br'],
          cc: ['gerente@empresa.com.br'],
          ...patch.email,
        },
      }),
    ],
  };
  let now = new Date(2026, 11, 5, 10, 0, 0).getTime();
  const mails: OutgoingMail[] = [];
  const events: AlertEvent[] = [];
  const lines: Array<{ level: string; message: string }> = [];
  const healths: MonitorHealth[] = [];
  const world = {
    databaseError: null as Error | null,
    kinds: [] as Array<{ branch: string; entity: string; kind: string; count: number; retrying?: number }>,
    pendings: [] as PendingRecord[],
    budget: { remaining: 500, limit: 1000 } as BudgetLeft,
    mailFailures: 0,
    passwordsTried: [] as string[],
    refuse: null as Error | null,
  };
  const state = memoryAlertStateStore();
  const ports: AlertPorts = {
    settings: () => settings,
    now: () => new Date(now),
    probeDatabase: async () => {
      if (world.databaseError) throw world.databaseError;
      return 'ok';
    },
    openPendingKinds: async () => world.kinds,
    pendingsOfKind: async (kind, afterId, limit) =>
      world.pendings.filter((p) => p.kind === kind && (afterId === null || p.id > afterId)).slice(0, limit),
    runFailure: async () => ({
      message: 'A loja teve um erro interno (HTTP 500).',
      fix: 'A loja está fora do ar; o integrador tenta de novo.',
    }),
    itemsWaiting: async () => 42,
    budget: () => world.budget,
    dailySummary: async () => ({
      runs: { ok: 280, partial: 3, failed: 1 },
      storeCalls: 950,
      openPendings: [{ entity: 'product', kind: 'sem_preco', count: 4 }],
    }),
    send: async (server, mail) => {
      world.passwordsTried.push(server.password);
      if (world.refuse) throw world.refuse;
      if (world.mailFailures > 0) {
        world.mailFailures -= 1;
        throw new Error('O servidor SMTP smtp.empresa.com.br:587 não respondeu a tempo.');
      }
      mails.push(mail);
    },
    state,
    log: (level, message) => lines.push({ level, message }),
    emit: (event) => events.push(event),
    healthChanged: (health) => healths.push(health),
  };
  const monitor = new AlertMonitor(ports);
  const run = (
    status: SyncRunEvent['status'],
    job: SyncRunEvent['job'] = 'prices',
    runId = 1,
  ): SyncRunEvent => ({
    phase: 'finished',
    runId,
    branch: '1',
    job,
    status,
    counts: {
      read: 0,
      changed: 0,
      sent: 0,
      unchanged: 0,
      deferred: 0,
      failed: 0,
      hidden: 0,
      starved: 0,
      storeCalls: 0,
    },
    progress: null,
    message: status === 'failed' ? 'A loja teve um erro interno (HTTP 500).' : null,
  });
  return {
    settings,
    monitor,
    mails,
    events,
    lines,
    healths,
    world,
    state,
    ports,
    run,
    advance: (ms: number) => (now += ms),
    subjects: () => mails.map((m) => m.subject.replace('[Integrador WinThor Ciashop] ', '')),
  };
};

describe('alerts on state changes (ADR 0027)', () => {
  it('a job failing every minute for an hour: the first failure, one reminder, the recovery — with what, since when, how many, the fix and a link', async () => {
    const t = setup();
    for (let minute = 0; minute < 60; minute++) {
      await t.monitor.runFinished(t.run('failed', 'prices', minute + 1));
      await t.monitor.tick();
      t.advance(MINUTE);
    }
    await t.monitor.runFinished(t.run('ok', 'prices', 61));
    await t.monitor.tick();
    expect(t.subjects()).toEqual([
      'Preços falhou (filial 1)',
      'Preços continua falhando há 30 min (filial 1)',
      'Preços voltou a funcionar (filial 1)',
    ]);
    const [first, reminder, recovered] = t.mails;
    expect(first?.text).toContain('O que falhou: a sincronização de preços.');
    expect(first?.text).toContain('Desde: 05/12/2026 10:00 (primeira falha).');
    expect(first?.text).toContain('42 item(ns) aguardando');
    expect(first?.text).toContain('Como resolver: A loja está fora do ar; o integrador tenta de novo.');
    expect(first?.text).toContain('http://localhost:7585/#/monitorar/logs?branch=1&run=1');
    expect(first?.html).toContain('<h2 style="color:#c92a2a');
    expect(first).toMatchObject({ to: ['ti@empresa.com.br'], cc: ['gerente@empresa.com.br'] });
    expect(reminder?.text).toContain('Desde: 05/12/2026 10:00 (há 30 min).');
    expect(recovered?.text).toContain('Ficou com falha de 05/12/2026 10:00 a 05/12/2026 11:00 (1 h).');
    expect(JSON.stringify(t.mails)).not.toContain('segredo-smtp');
    expect(t.events.map((e) => [e.kind, e.severity])).toEqual([
      ['job_failed', 'error'],
      ['job_still_failing', 'error'],
      ['job_recovered', 'ok'],
    ]);
  });

  it('reminders get further apart (1×, 3×, 7× the period): a day-long outage sends a handful', async () => {
    const t = setup({
      email: { alerts: { stillFailingMinutes: 30, maxPerHour: 6, dailySummary: false, dailySummaryHour: 7 } },
    });
    await t.monitor.runFinished(t.run('failed'));
    for (let minute = 0; minute < 24 * 60; minute++) {
      t.advance(MINUTE);
      await t.monitor.tick();
    }
    const reminders = t.subjects().filter((s) => s.includes('continua falhando'));
    expect(reminders).toEqual([
      'Preços continua falhando há 30 min (filial 1)',
      'Preços continua falhando há 1 h 30 min (filial 1)',
      'Preços continua falhando há 3 h 30 min (filial 1)',
      'Preços continua falhando há 7 h 30 min (filial 1)',
      'Preços continua falhando há 15 h 30 min (filial 1)',
    ]);
  });

  it('rate-limits per branch: past the hour’s limit alerts are logged, not mailed, and the next mail says how many', async () => {
    const t = setup({
      email: { alerts: { stillFailingMinutes: 30, maxPerHour: 2, dailySummary: false, dailySummaryHour: 7 } },
    });
    // Four different failures (the same words would be one outage, one mail).
    for (const job of ['prices', 'stock', 'products', 'categories'] as const)
      await t.monitor.runFinished({ ...t.run('failed', job), message: `Falha própria de ${job}` });
    await t.monitor.tick();
    expect(t.subjects()).toEqual(['Preços falhou (filial 1)', 'Estoque falhou (filial 1)']);
    expect(
      t.lines.filter((l) => l.message.startsWith('Alerta não enviado por e-mail (limite de 2 por hora')),
    ).toHaveLength(2);
    expect(t.events).toHaveLength(4); // the tray hears every one
    t.advance(61 * MINUTE);
    await t.monitor.tick(); // an hour later: the reminders, within the limit again
    expect(t.mails).toHaveLength(4);
    expect(t.mails[2]?.text).toContain('2 outro(s) alerta(s) desta filial não foram enviados na última hora');
    expect(t.mails[3]?.text).not.toContain('outro(s) alerta(s)');
  });

  it('a mail the server refuses is retried and logged, never thrown into the sync', async () => {
    const t = setup();
    t.world.mailFailures = 2;
    await expect(t.monitor.runFinished(t.run('failed'))).resolves.toBeUndefined();
    await t.monitor.tick();
    expect(t.mails).toHaveLength(0);
    expect(t.monitor.pendingMails()).toBe(1);
    expect(t.lines.map((l) => l.message)).toContainEqual(
      expect.stringMatching(
        /^E-mail de alerta não enviado \(tentativa 1; nova tentativa em 1 min\): Preços falhou/,
      ),
    );
    t.advance(MINUTE);
    await t.monitor.tick();
    t.advance(2 * MINUTE);
    await t.monitor.tick();
    expect(t.subjects()).toEqual(['Preços falhou (filial 1)']);
    expect(t.monitor.pendingMails()).toBe(0);
  });

  it('gives a mail up after its retries, with an error line, and the health says so', async () => {
    const t = setup();
    t.world.mailFailures = 99;
    await t.monitor.runFinished(t.run('failed'));
    await t.monitor.runFinished(t.run('ok'));
    for (let minute = 0; minute < 70; minute++) {
      t.advance(MINUTE);
      await t.monitor.tick();
    }
    expect(t.lines.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      expect.stringMatching(/^E-mail de alerta não enviado após 6 tentativas, desistindo: Preços falhou/),
      expect.stringMatching(/^E-mail de alerta não enviado após 6 tentativas, desistindo: Preços voltou/),
    ]);
    expect(t.monitor.health()).toMatchObject({
      level: 'warning',
      summaryRef: { key: 'health.mailUndelivered' },
    });
  });

  it('a retry uses the password corrected meanwhile; an address the server refuses is given up at once', async () => {
    const t = setup();
    t.world.mailFailures = 1;
    await t.monitor.runFinished(t.run('failed'));
    t.settings.branches[0] = {
      ...t.settings.branches[0]!,
      email: { ...t.settings.branches[0]!.email, password: 'senha-corrigida' },
    };
    t.advance(MINUTE);
    await t.monitor.tick();
    expect(t.world.passwordsTried).toEqual(['segredo-smtp', 'senha-corrigida']);
    expect(t.subjects()).toEqual(['Preços falhou (filial 1)']);
    t.world.refuse = new MailError(
      'recipient',
      'O servidor SMTP recusou o destinatário ti@empresa.com.br.',
      { key: 'mail.recipient' },
      '550 5.1.1 User unknown',
    );
    await t.monitor.runFinished(t.run('ok'));
    await t.monitor.tick();
    expect(t.monitor.pendingMails()).toBe(0);
    expect(t.lines.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      expect.stringMatching(/^E-mail de alerta não enviado após 1 tentativas, desistindo: Preços voltou/),
    ]);
  });

  it('the database unreachable and back: one alert each, the health red meanwhile', async () => {
    const t = setup();
    t.world.databaseError = new Error('ORA-12541: TNS:no listener');
    for (let i = 0; i < 30; i++) {
      await t.monitor.tick();
      t.advance(MINUTE);
    }
    expect(t.monitor.health()).toMatchObject({ level: 'error', summaryRef: { key: 'health.databaseDown' } });
    t.world.databaseError = null;
    await t.monitor.tick();
    expect(t.subjects()).toEqual([
      'Banco de dados do WinThor inacessível',
      'Banco de dados do WinThor acessível de novo',
    ]);
    expect(t.mails[0]?.text).toContain('Mensagem: ORA-12541: TNS:no listener');
    expect(t.mails[1]?.text).toContain('Ficou inacessível por 30 min.');
    expect(t.healths.map((h) => h.level)).toEqual(['error', 'ok']);
  });

  it('the engine held by the schema check: one alert per episode, red meanwhile, the release told; pt-BR text and fix (ADR 0034)', async () => {
    const t = setup();
    const hold = { reason: 'owner' as const, installed: 6, target: 7 };
    await t.monitor.engineHeld(hold);
    expect(t.monitor.health()).toMatchObject({
      level: 'error',
      summaryRef: { key: 'health.engineHeld', params: { context: 'owner', installed: 6, target: 7 } },
    });
    expect(t.monitor.health().summary).toMatch(
      /^Sincronização parada: as tabelas da integração precisam ser atualizadas pelo DBA \(versão 6 no banco, 7 nesta versão do integrador\) desde /,
    );
    // The minute's look again, for an hour: the same episode, nothing told again.
    for (let i = 0; i < 60; i++) {
      t.advance(MINUTE);
      await t.monitor.engineHeld(hold);
      await t.monitor.tick();
    }
    // A restart keeps the episode (the state file): no second alert.
    const again = new AlertMonitor(t.ports);
    await again.engineHeld(hold);
    t.advance(MINUTE);
    await again.engineHeld(null);
    expect(t.subjects()).toEqual([
      'Sincronização parada pela verificação das tabelas da integração',
      'Sincronização retomada: tabelas da integração em dia',
    ]);
    expect(t.events.map((e) => [e.kind, e.severity])).toEqual([
      ['engine_held', 'error'],
      ['engine_released', 'ok'],
    ]);
    expect(t.mails[0]?.text).toContain('Nenhuma sincronização roda até lá');
    expect(t.mails[0]?.text).toMatch(/Como resolver: Entregue ao DBA o script de Banco de Dados/);
    expect(t.mails[0]?.html).toContain('/#/banco-de-dados');
    expect(t.mails[1]?.text).toContain('Ficou parada por 1 h 1 min.');
    expect(again.health().level).toBe('ok');
  });

  it('an engine held but resumed by hand: the health says it runs with the tables behind, not stopped', async () => {
    const t = setup();
    const hold = { reason: 'owner', installed: 6, target: 7 } as const;
    await t.monitor.engineHeld(hold);
    expect(t.monitor.health().summary).toMatch(/^Sincronização parada/);
    t.monitor.engineOverridden(true);
    await t.monitor.engineHeld(hold); // the minute's look: the same episode, the override kept
    expect(t.monitor.health()).toMatchObject({
      level: 'error',
      summary:
        'Tabelas da integração desatualizadas — retomada manualmente (versão 6 no banco, 7 nesta versão do integrador)',
      summaryRef: { key: 'health.engineHeldResumed', params: { installed: 6, target: 7 } },
    });
    expect(t.healths.at(-1)?.summaryRef.key).toBe('health.engineHeldResumed');
    t.monitor.engineOverridden(false); // paused again
    expect(t.monitor.health().summary).toMatch(/^Sincronização parada/);
  });

  it('an update that failed, or a newer schema, says its own words and fix', async () => {
    const t = setup();
    await t.monitor.engineHeld({
      reason: 'failed',
      installed: 6,
      target: 7,
      detail: 'ORA-01031: privilégios insuficientes',
    });
    expect(t.mails[0]?.text).toContain(
      'a atualização das tabelas da integração falhou (versão 6 no banco, 7 nesta versão do integrador)',
    );
    expect(t.mails[0]?.text).toContain('Mensagem: ORA-01031: privilégios insuficientes');
    await t.monitor.engineHeld(null);
    await t.monitor.engineHeld({ reason: 'newer', installed: 8, target: 7 });
    expect(t.mails[2]?.text).toMatch(/Como resolver: Instale de novo a versão mais nova do integrador/);
  });

  it('amber only for pendências a person must fix: not those the engine still retries on its own (ADR 0035)', async () => {
    const t = setup();
    t.world.kinds = [{ branch: '1', entity: 'orderStatus', kind: 'status_recusado', count: 4, retrying: 4 }];
    await t.monitor.tick();
    expect(t.monitor.health()).toMatchObject({ level: 'ok' });
    // Past their first attempts, they are a person's to look at.
    t.world.kinds = [{ branch: '1', entity: 'orderStatus', kind: 'status_recusado', count: 4, retrying: 1 }];
    await t.monitor.tick();
    expect(t.monitor.health()).toMatchObject({
      level: 'warning',
      summaryRef: { key: 'health.pendings', params: { count: 3 } },
    });
    t.world.kinds.push({ branch: '1', entity: 'product', kind: 'sem_preco', count: 2 });
    await t.monitor.tick();
    expect(t.monitor.health().summaryRef.params).toEqual({ count: 5 });
    // A run that leaves pendências: the health knows at once, without waiting for the minute's look.
    t.world.kinds.push({ branch: '1', entity: 'price', kind: 'sem_preco', count: 1 });
    await t.monitor.runFinished({ ...t.run('partial'), counts: { ...t.run('partial').counts, failed: 1 } });
    expect(t.monitor.health().summaryRef.params).toEqual({ count: 6 });
    // A failing job is red whatever the pendências.
    await t.monitor.runFinished(t.run('failed'));
    expect(t.monitor.health().level).toBe('error');
  });

  it('a finished run counts the pendências again only when it failed items or may have closed some, at most every 10 s', async () => {
    const t = setup();
    let looks = 0;
    const open = t.ports.openPendingKinds;
    t.ports.openPendingKinds = async () => ((looks += 1), open());
    t.world.kinds = [{ branch: '1', entity: 'product', kind: 'sem_preco', count: 2 }];
    await t.monitor.tick();
    expect(looks).toBe(1);
    const counted = (patch: Partial<SyncRunEvent['counts']>) => ({
      ...t.run('partial'),
      counts: { ...t.run('partial').counts, ...patch },
    });
    // Pendências wait, but the run touched nothing: nothing it did can have changed them.
    await t.monitor.runFinished(t.run('ok'));
    expect(looks).toBe(1);
    await t.monitor.runFinished(counted({ failed: 1 }));
    expect(looks).toBe(2);
    t.advance(3_000);
    await t.monitor.runFinished(counted({ failed: 1 })); // within 10 s of the last: the minute's look will see
    await t.monitor.runFinished(counted({ sent: 5 }));
    expect(looks).toBe(2);
    t.advance(10_000);
    await t.monitor.runFinished(counted({ sent: 5 })); // may have closed the waiting ones
    expect(looks).toBe(3);
  });

  it('a new kind of pendência is told once (what is open at the first look is the baseline)', async () => {
    const t = setup();
    t.world.kinds = [{ branch: '1', entity: 'product', kind: 'sem_preco', count: 3 }];
    await t.monitor.tick();
    expect(t.mails).toEqual([]);
    t.world.kinds.push({ branch: '1', entity: 'product', kind: 'ean_invalido', count: 2 });
    t.world.pendings.push(pending({ id: 9, kind: 'ean_invalido', message: 'Produto 9 sem EAN válido.' }));
    await t.monitor.tick();
    await t.monitor.tick();
    expect(t.subjects()).toEqual(['Novo tipo de pendência em produtos: ean_invalido (filial 1)']);
    expect(t.mails[0]?.text).toContain('Pendências abertas deste tipo: 2.');
    expect(t.mails[0]?.text).toContain('Exemplo: Produto 9 sem EAN válido.');
    expect(t.mails[0]?.text).toContain('/#/monitorar/pendencias?branch=1&kind=ean_invalido');
    expect(t.monitor.health()).toMatchObject({
      level: 'warning',
      summary: '5 pendência(s) aberta(s) esperando correção',
    });
  });

  it('the store budget out is told once per episode, an order cancelled after import once per order', async () => {
    const t = setup();
    await t.monitor.tick(); // baseline of the order-cancelled pendências
    t.world.budget = { remaining: 0, limit: 1000 };
    t.world.pendings.push(
      pending({
        id: 20,
        kind: ORDER_CANCELLED_KIND,
        entity: 'order',
        erpKey: '7001',
        params: { numped: 555001 },
      }),
    );
    await t.monitor.tick();
    await t.monitor.tick();
    t.world.budget = { remaining: 900, limit: 1000 };
    await t.monitor.tick();
    expect(t.subjects()).toEqual([
      'Limite de chamadas da loja esgotado nesta hora (filial 1)',
      'Pedido 7001 cancelado na loja depois de importado no WinThor (filial 1)',
    ]);
    expect(t.mails[1]?.text).toContain(
      'O pedido 7001 foi cancelado na loja depois de chegar ao WinThor (NUMPED 555001).',
    );
  });

  it('sends the daily summary once, at its hour, when asked for', async () => {
    const t = setup({
      email: { alerts: { stillFailingMinutes: 30, maxPerHour: 6, dailySummary: true, dailySummaryHour: 11 } },
    });
    for (let minute = 0; minute < 120; minute++) {
      await t.monitor.tick();
      t.advance(MINUTE);
    }
    expect(t.subjects()).toEqual(['Resumo diário (filial 1)']);
    expect(t.mails[0]?.text).toContain(
      '280 execuções sem erro, 3 com pendências, 1 com falha; 950 chamadas à loja.',
    );
    expect(t.mails[0]?.text).toContain('sem_preco (produtos): 4');
  });

  it('a branch without e-mail still gets tray alerts; its state survives a restart (no second first-failure)', async () => {
    const t = setup({ email: { enabled: false } });
    await t.monitor.runFinished(t.run('failed'));
    expect(t.mails).toEqual([]);
    expect(t.events).toHaveLength(1);
    const again = new AlertMonitor(t.ports);
    await again.runFinished(t.run('failed'));
    expect(t.events).toHaveLength(1);
    expect(again.health()).toMatchObject({
      level: 'error',
      summaryRef: { params: { job: 'prices', branch: '1' } },
    });
  });
  it('one store outage failing every job of a branch is one mail, and its recovery is mailed past the hour’s limit', async () => {
    const t = setup({
      email: { alerts: { stillFailingMinutes: 30, maxPerHour: 2, dailySummary: false, dailySummaryHour: 7 } },
    });
    // Another failure first, so the hour's limit is nearly used.
    await t.monitor.runFinished({ ...t.run('failed', 'customers'), message: 'Outro problema' });
    const jobs = ['prices', 'stock', 'products', 'categories', 'orders', 'orderStatus'] as const;
    for (const job of jobs) await t.monitor.runFinished(t.run('failed', job));
    await t.monitor.tick();
    expect(t.subjects()).toEqual(['Clientes falhou (filial 1)', 'Preços falhou (filial 1)']);
    expect(t.events.filter((e) => e.kind === 'job_failed')).toHaveLength(7); // the tray hears each
    for (const job of jobs) await t.monitor.runFinished(t.run('ok', job));
    await t.monitor.tick();
    // The limit (2) is used, but the recovery of the mailed failure still goes; the grouped ones are quiet.
    expect(t.subjects()).toEqual([
      'Clientes falhou (filial 1)',
      'Preços falhou (filial 1)',
      'Preços voltou a funcionar (filial 1)',
    ]);
    expect(t.events.filter((e) => e.kind === 'job_recovered')).toHaveLength(6);
  });

  it('while the database is down, failing jobs are not mailed one by one (the database alert says it)', async () => {
    const t = setup();
    t.world.databaseError = new Error('ORA-12541: TNS:no listener');
    await t.monitor.tick();
    for (const job of ['prices', 'stock'] as const)
      await t.monitor.runFinished({ ...t.run('failed', job), message: `ORA-12541 em ${job}` });
    t.advance(31 * MINUTE);
    await t.monitor.tick();
    expect(t.subjects()).toEqual(['Banco de dados do WinThor inacessível']);
  });

  it('a budget used up hour after hour is one alert; two hours back ends the episode', async () => {
    const t = setup();
    for (let hour = 0; hour < 5; hour++) {
      t.world.budget = { remaining: 0, limit: 1000 };
      await t.monitor.tick();
      t.advance(50 * MINUTE);
      t.world.budget = { remaining: 1000, limit: 1000 };
      await t.monitor.tick();
      t.advance(10 * MINUTE);
    }
    expect(t.subjects()).toEqual(['Limite de chamadas da loja esgotado nesta hora (filial 1)']);
    t.advance(121 * MINUTE);
    await t.monitor.tick();
    t.world.budget = { remaining: 0, limit: 1000 };
    await t.monitor.tick();
    expect(t.subjects()).toHaveLength(2);
  });

  it('a store without x-apilimit-remaining: the episode of a long 429 closes once the block has passed', async () => {
    const t = setup();
    t.world.budget = { remaining: 0, limit: null, blockedUntil: Date.now() + 15 * MINUTE };
    await t.monitor.tick();
    expect(t.monitor.health()).toMatchObject({ summaryRef: { key: 'health.budgetOut' } });
    // The block over, the store still sends no header: no reading, and no block.
    t.world.budget = { remaining: null, limit: null, blockedUntil: null };
    await t.monitor.tick();
    t.advance(121 * MINUTE);
    await t.monitor.tick();
    expect(t.monitor.health().summaryRef.key).not.toBe('health.budgetOut');
    expect(t.state.load()?.budgetOut).toEqual({});
    // A later long 429 is a new episode, told again.
    t.world.budget = { remaining: 0, limit: null, blockedUntil: Date.now() + 15 * MINUTE };
    await t.monitor.tick();
    expect(t.subjects()).toEqual([
      'Limite de chamadas da loja esgotado nesta hora (filial 1)',
      'Limite de chamadas da loja esgotado nesta hora (filial 1)',
    ]);
  });

  it('a run stopped by the store’s pause is not the failing job back: no recovery, still red (ADR 0033)', async () => {
    const t = setup();
    await t.monitor.runFinished(t.run('failed'));
    const paused = { ...t.run('partial', 'prices', 2), storePaused: true };
    paused.counts.starved = 1;
    await t.monitor.runFinished(paused);
    expect(t.events.map((e) => e.kind)).toEqual(['job_failed']);
    expect(t.monitor.health().level).toBe('error');
    await t.monitor.runFinished(t.run('ok', 'prices', 3));
    expect(t.events.map((e) => e.kind)).toEqual(['job_failed', 'job_recovered']);
    expect(t.monitor.health().level).not.toBe('error');
  });

  it('a kind of pendência that closes and comes back within days is not news again', async () => {
    const t = setup();
    await t.monitor.tick(); // baseline: nothing open
    for (let day = 0; day < 3; day++) {
      t.world.kinds = [{ branch: '1', entity: 'product', kind: 'ean_invalido', count: 1 }];
      await t.monitor.tick();
      t.world.kinds = [];
      t.advance(12 * 60 * MINUTE);
      await t.monitor.tick();
      t.advance(12 * 60 * MINUTE);
    }
    expect(t.subjects()).toEqual(['Novo tipo de pendência em produtos: ean_invalido (filial 1)']);
    t.advance(8 * 24 * 60 * MINUTE);
    await t.monitor.tick();
    t.world.kinds = [{ branch: '1', entity: 'product', kind: 'ean_invalido', count: 1 }];
    await t.monitor.tick();
    expect(t.subjects()).toHaveLength(2);
  });

  it('a failing job of a branch turned off is forgotten: no more reminders, the health is no longer red', async () => {
    const t = setup();
    await t.monitor.runFinished(t.run('failed'));
    expect(t.monitor.health().level).toBe('error');
    t.settings.branches[0] = { ...t.settings.branches[0]!, enabled: false };
    t.advance(31 * MINUTE);
    await t.monitor.tick();
    expect(t.subjects()).toEqual(['Preços falhou (filial 1)']);
    expect(t.monitor.health().level).not.toBe('error');
  });

  it('the health forgets a mail given up once a later mail goes through', async () => {
    const t = setup();
    t.world.mailFailures = 100;
    await t.monitor.runFinished(t.run('failed'));
    for (let i = 0; i < 12; i++) {
      t.advance(30 * MINUTE);
      await t.monitor.tick();
    }
    expect(t.monitor.health().level).toBe('error'); // still failing, and a mail was given up
    t.world.mailFailures = 0;
    await t.monitor.runFinished(t.run('ok'));
    await t.monitor.tick();
    expect(t.subjects()).toEqual(['Preços voltou a funcionar (filial 1)']);
    expect(t.monitor.health().summary).not.toMatch(/e-mail/);
  });
});

const pending = (patch: Partial<PendingRecord>): PendingRecord => ({
  id: 1,
  entity: 'product',
  branch: '1',
  erpKey: '9',
  kind: 'sem_preco',
  message: 'm',
  fix: null,
  params: {},
  attempts: 1,
  nextAttemptAt: null,
  status: 'open',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ignoreReason: null,
  ignoredBy: null,
  ignoredAt: null,
  resolvedAt: null,
  ...patch,
});
