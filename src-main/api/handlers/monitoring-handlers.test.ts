import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHeadlessSettings } from '../../config/headless-settings';
import { SECRET_MASK } from '../../contract';
import { createRuntime, type Runtime } from '../../runtime/create-runtime';
import { winthorDemoPart } from '../../runtime/demo/winthor-demo-part';
import {
  closedPort,
  startTestSmtpServer,
  TEST_CERT,
  type TestSmtpServer,
} from '../../mail/smtp-test-server.test-support';
import { AppError } from '../../shared/app-error';
import { finishRun, recordPending, startRun, writeLogs } from '../../winthor';

describe('Monitorar: logs.*, pendings.*, monitor.* on the embedded demo WinThor', () => {
  let dir: string;
  let runtime: Runtime;
  let stopDemo: (() => Promise<void>) | void;
  const at = (minute: number) => new Date(Date.now() - (120 - minute) * 60_000);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-monitor-api-'));
    runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
    stopDemo = await winthorDemoPart({ intervalMs: 3_600_000 })(runtime);
  }, 60_000);
  afterEach(async () => {
    if (stopDemo) await stopDemo();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusal = async (promise: Promise<unknown>): Promise<AppError> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('logs: filtered pages, a line with its run and details without secrets, a CSV of the filter', async () => {
    const runId = await runtime.database.use(async (db) => {
      const id = await startRun(db, { job: 'prices', branch: '1', trigger: 'schedule', startedAt: at(0) });
      await finishRun(db, id, {
        status: 'partial',
        finishedAt: at(1),
        counts: { storeCalls: 3 },
        message: 'ok',
      });
      await writeLogs(db, [
        {
          at: at(0),
          level: 'info',
          branch: '1',
          entity: 'prices',
          runId: id,
          message: 'Preços: início',
          details: null,
        },
        {
          at: at(1),
          level: 'warn',
          branch: '1',
          entity: 'prices',
          runId: id,
          message: 'Produto 7: não enviado; "aspas"; ponto-e-vírgula',
          details: JSON.stringify({
            erpKey: '7',
            storeAnswer: { status: 400, body: 'preço inválido' },
            request: { headers: { Authorization: 'Bearer abc123456789' } },
            token: 'segredo-da-loja',
          }),
        },
        {
          at: at(2),
          level: 'error',
          branch: '2',
          entity: 'stock',
          runId: null,
          message: '=SOMA(A1)',
          details: null,
        },
      ]);
      return id;
    });
    const page = await runtime.api.invoke('logs.list', { filter: { branch: '1' }, limit: 1 });
    expect(page.lines.map((l) => l.message)).toEqual(['Produto 7: não enviado; "aspas"; ponto-e-vírgula']);
    const next = await runtime.api.invoke('logs.list', {
      filter: { branch: '1' },
      before: page.next!,
      limit: 1,
    });
    expect(next.lines.map((l) => l.message)).toEqual(['Preços: início']);
    const detail = await runtime.api.invoke('logs.get', { id: page.lines[0]!.id });
    expect(detail.run).toMatchObject({ id: runId, job: 'prices', status: 'partial' });
    expect(detail.details).toEqual({
      erpKey: '7',
      storeAnswer: { status: 400, body: 'preço inválido' },
      request: { headers: { Authorization: '••••' } },
      token: '••••',
    });
    const csv = await runtime.api.invoke('logs.export', { filter: { branch: '1' } });
    expect(csv).toMatchObject({ rows: 2, truncated: false });
    expect(csv.fileName).toMatch(/^logs-integrador-\d{12}\.csv$/);
    expect(csv.content.startsWith('\uFEFFData e hora;Nível;Filial;Tarefa;Execução;Mensagem\r\n')).toBe(true);
    expect(csv.content).toContain(
      `;atenção;1;prices;${runId};"Produto 7: não enviado; ""aspas""; ponto-e-vírgula"`,
    );
    const all = await runtime.api.invoke('logs.export', {});
    expect(all.content).toContain(";erro;2;stock;;'=SOMA(A1)");
    const wrong = await refusal(
      runtime.api.invoke('logs.list', { filter: { from: at(10).toISOString(), to: at(0).toISOString() } }),
    );
    expect(wrong.message).toContain('Período: a data final é anterior à inicial');
    expect(wrong.issues?.[0]).toMatchObject({
      path: 'filter.to',
      code: 'custom',
      params: { key: 'validation.periodOrder' },
    });
  });

  it('pendências: links, groups with counts, retry (saying why no job started), ignore with reason and who, history', async () => {
    const ids = await runtime.database.use(async (db) => {
      const now = at(0);
      const a = await recordPending(
        db,
        {
          entity: 'product',
          branch: '1',
          erpKey: '10',
          kind: 'sem_preco',
          message: 'Produto 10 sem preço',
          fix: 'rotina 201',
          params: { codprod: 10, branch: '1' },
        },
        now,
      );
      const b = await recordPending(
        db,
        {
          entity: 'product',
          branch: '1',
          erpKey: '11',
          kind: 'sem_preco',
          message: 'Produto 11 sem preço',
          fix: 'rotina 201',
        },
        now,
      );
      const c = await recordPending(
        db,
        {
          entity: 'order',
          branch: '1',
          erpKey: 'PED-77',
          kind: 'sem_mapa_cobranca',
          message: 'Pedido PED-77: cobrança "pix" sem mapeamento',
          fix: 'Cadastre o mapeamento.',
        },
        now,
      );
      await db.execute(
        `INSERT INTO WTC_STORE_ORDER (STORE_KEY, BRANCH, STORE_ORDER_ID, STATE, NUMPED, CREATED_AT, UPDATED_AT)
         VALUES ('loja-1', '1', 'PED-77', 'imported', 880077, :at, :at)`,
        { at: now },
      );
      return { a: a.id, b: b.id, c: c.id };
    });
    const list = await runtime.api.invoke('pendings.list', { filter: { status: 'open' } });
    expect(list.items.map((p) => [p.key, p.links])).toEqual([
      [
        'PED-77',
        [
          { type: 'storeOrder', value: 'PED-77' },
          { type: 'numped', value: '880077' },
        ],
      ],
      ['11', [{ type: 'codprod', value: '11' }]],
      ['10', [{ type: 'codprod', value: '10' }]],
    ]);
    expect(list.items[2]?.messageRef).toEqual({
      key: 'pending.sem_preco',
      params: { key: '10', branch: '1', codprod: 10 },
    });
    expect(await runtime.api.invoke('pendings.groups', { filter: { status: 'open' } })).toEqual({
      groups: [
        { entity: 'product', kind: 'sem_preco', count: 2 },
        { entity: 'order', kind: 'sem_mapa_cobranca', count: 1 },
      ],
      total: 3,
    });

    const retried = await runtime.api.invoke('pendings.retry', {
      group: { status: 'open', kind: 'sem_preco', branch: '1' },
    });
    expect(retried.retried).toBe(2);
    // The demo branches have no store yet: the products job is refused, and the answer says so.
    expect(retried.runs.refused).toEqual([expect.objectContaining({ branch: '1', job: 'products' })]);
    expect(retried.note).toMatch(/^As pendências ficaram marcadas para agora; a tarefa não começou: /);

    const ignored = await runtime.api.invoke(
      'pendings.ignore',
      { ids: [ids.b, ids.c], reason: 'Produto fora de linha' },
      { origin: 'http' },
    );
    expect(ignored).toEqual({ ignored: 2 });
    const history = await runtime.api.invoke('pendings.history', { id: ids.b });
    expect(history.pending).toMatchObject({
      status: 'ignored',
      ignoreReason: 'Produto fora de linha',
      ignoredBy: 'browser',
    });
    expect(history.events.map((e) => [e.action, e.actor])).toEqual([
      ['failed', null],
      ['retry', 'internal'],
      ['ignored', 'browser'],
    ]);
    expect((await runtime.api.invoke('pendings.list', { filter: { status: 'ignored' } })).items).toHaveLength(
      2,
    );
    const short = await refusal(runtime.api.invoke('pendings.ignore', { ids: [ids.a], reason: 'x' }));
    expect(short.message).toContain('Motivo: explique em poucas palavras por que ignorar');
    expect((await refusal(runtime.api.invoke('pendings.history', { id: 999_999 }))).code).toBe(
      'pending_not_found',
    );
  });

  it('monitor.activity: store calls and errors per hour over 24 h and 7 days, open pendências by kind', async () => {
    await runtime.database.use(async (db) => {
      for (const [minutesAgo, status, calls, failed] of [
        [30, 'ok', 12, 0],
        [40, 'failed', 1, 0],
        [60 * 30, 'partial', 5, 2],
      ] as const) {
        const startedAt = new Date(Date.now() - minutesAgo * 60_000);
        const id = await startRun(db, { job: 'stock', branch: '1', trigger: 'schedule', startedAt });
        await finishRun(db, id, {
          status,
          finishedAt: startedAt,
          counts: { storeCalls: calls, failed },
          message: null,
        });
      }
      await recordPending(
        db,
        { entity: 'stock', branch: '1', erpKey: '1:5', kind: 'loja_bad_request', message: 'x', fix: null },
        new Date(),
      );
    });
    const day = await runtime.api.invoke('monitor.activity', { range: '24h' });
    const branch1 = day.branches.find((b) => b.branch === '1')!;
    expect(branch1.buckets).toHaveLength(24);
    expect(branch1.buckets.reduce((sum, b) => sum + b.storeCalls, 0)).toBe(13);
    expect(branch1.buckets.reduce((sum, b) => sum + b.errors, 0)).toBe(1);
    expect(branch1.openPendings).toEqual([{ entity: 'stock', kind: 'loja_bad_request', count: 1 }]);
    const week = await runtime.api.invoke('monitor.activity', { range: '7d' });
    const weekly = week.branches.find((b) => b.branch === '1')!;
    expect(weekly.buckets).toHaveLength(168);
    expect(weekly.buckets.reduce((sum, b) => sum + b.storeCalls, 0)).toBe(18);
    expect(weekly.buckets.reduce((sum, b) => sum + b.errors, 0)).toBe(3);
    expect(await runtime.api.invoke('monitor.health', {})).toMatchObject({ level: expect.any(String) });
  });

  it('email.save validates the addresses (naming the field and the fix), keeps the password masked', async () => {
    const email = {
      enabled: true,
      host: 'smtp.empresa.com.br',
      port: 587,
      protocol: 'starttls' as const,
      from: 'integrador@empresa.com.br',
      user: 'integrador',
      password: 'senha-do-smtp',
      to: ['ti@empresa.com.br'],
      cc: ['gerente@empresa.com.br', 'gerente'],
    };
    const refused = await refusal(runtime.api.invoke('email.save', { branch: '1', email }));
    expect(refused.message).toContain(
      'email.cc.1: E-mails para cópia: "gerente" não é um endereço de e-mail válido; use o formato nome@empresa.com.br.',
    );
    expect(refused.issues?.[0]).toMatchObject({
      params: { key: 'validation.emailAddress', address: 'gerente' },
    });
    const noHost = await refusal(
      runtime.api.invoke('email.save', { branch: '1', email: { ...email, host: '', cc: [] } }),
    );
    expect(noHost.field).toBe('email.host');
    const saved = await runtime.api.invoke('email.save', {
      branch: '1',
      email: { ...email, cc: ['gerente@empresa.com.br'] },
    });
    expect(saved.email).toMatchObject({ password: SECRET_MASK, cc: ['gerente@empresa.com.br'] });
    expect(runtime.settings.get().branches[0]?.email.password).toBe('senha-do-smtp');
    const again = await runtime.api.invoke('email.save', {
      branch: '1',
      email: { ...saved.email, cc: [] },
    });
    expect(again.email.password).toBe(SECRET_MASK);
    expect(runtime.settings.get().branches[0]?.email.password).toBe('senha-do-smtp');
    expect(JSON.stringify(await runtime.api.invoke('settings.get', {}))).not.toContain('senha-do-smtp');
  });
});

describe('email.test: "Enviar teste" through a real SMTP server', () => {
  let dir: string;
  let runtime: Runtime;
  let smtp: TestSmtpServer;
  const PASSWORD = 'Senha-SMTP-9';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wtc-email-api-'));
    smtp = await startTestSmtpServer({ user: 'integrador@empresa.com.br', password: PASSWORD });
    runtime = createRuntime({
      host: 'headless',
      settings: openHeadlessSettings(dir),
      dataDir: dir,
      engine: false,
      mail: { tlsCa: TEST_CERT, greetingTimeoutMs: 1500, connectionTimeoutMs: 2000 },
    });
    runtime.settings.update({ branches: [{ code: '1', name: 'Matriz' }] as never });
    await runtime.api.invoke('email.save', {
      branch: '1',
      email: {
        enabled: true,
        host: '127.0.0.1',
        port: smtp.port,
        protocol: 'starttls',
        from: 'integrador@empresa.com.br',
        user: 'integrador@empresa.com.br',
        password: PASSWORD,
        to: ['ti@empresa.com.br'],
        cc: ['gerente@empresa.com.br'],
      },
    });
  });
  afterEach(async () => {
    await runtime.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const screen = () => ({ ...runtime.settings.getMasked().branches[0]!.email });

  it('sends with the saved settings (masked password = the saved one) to the recipients and copies', async () => {
    const result = await runtime.api.invoke('email.test', { branch: '1', email: screen() });
    expect(result).toMatchObject({
      ok: true,
      failed: 'none',
      recipients: ['ti@empresa.com.br', 'gerente@empresa.com.br'],
    });
    expect(result.serverResponse).toMatch(/^250 /);
    expect(smtp.received[0]).toMatchObject({
      subject: '[Integrador WinThor Ciashop] E-mail de teste (filial 1)',
      recipients: ['ti@empresa.com.br', 'gerente@empresa.com.br'],
    });
    expect(smtp.received[0]?.text).toContain('o envio de alertas está funcionando');
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('a wrong password, a wrong port and a TLS mismatch each say so, with the server’s answer when there is one', async () => {
    const wrongPassword = await runtime.api.invoke('email.test', {
      branch: '1',
      email: { ...screen(), password: 'outra' },
    });
    expect(wrongPassword).toMatchObject({ ok: false, failed: 'auth', messageRef: { key: 'mail.auth' } });
    expect(wrongPassword.serverResponse).toMatch(/^535 /);
    expect(wrongPassword.message).toContain('recusou o usuário ou a senha');

    const wrongPort = await runtime.api.invoke('email.test', {
      branch: '1',
      email: { ...screen(), port: await closedPort() },
    });
    expect(wrongPort).toMatchObject({ ok: false, failed: 'network', messageRef: { key: 'mail.refused' } });

    const mismatch = await runtime.api.invoke('email.test', {
      branch: '1',
      email: { ...screen(), protocol: 'smtps' },
    });
    expect(mismatch).toMatchObject({ ok: false, failed: 'tls', messageRef: { key: 'mail.tls' } });
    expect(mismatch.message).toContain('SMTPS usa a porta 465');

    for (const result of [wrongPassword, wrongPort, mismatch])
      expect(JSON.stringify(result)).not.toContain(PASSWORD);
    expect(smtp.received).toHaveLength(0);
  }, 20_000);

  it('the saved password never goes to another server: testing one needs the password typed', async () => {
    const result = await runtime.api.invoke('email.test', {
      branch: '1',
      email: { ...screen(), host: 'smtp.outro.com' },
    });
    expect(result).toMatchObject({
      ok: false,
      failed: 'config',
      messageRef: { key: 'mail.passwordRequired' },
    });
  });
});
