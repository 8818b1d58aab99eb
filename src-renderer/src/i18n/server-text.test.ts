import { afterAll, describe, expect, it } from 'vitest';
import { setupI18n } from '.';
import { issueText, serverText } from './server-text';

describe('server messages in the UI language (ADR 0025)', () => {
  const i18n = setupI18n('pt-BR');
  afterAll(() => i18n.changeLanguage('pt-BR'));

  it('a lease not renewed says so in English: "has not been renewed for N s"', async () => {
    await i18n.changeLanguage('en');
    const seconds = { seconds: 60 };
    expect(serverText(i18n, 'x', { key: 'engine.leaseStale', params: seconds })).toBe(
      'Standby: the database lease has not been renewed for 60 s: sync stopped until the database answers. No sync runs in this integrator.',
    );
    expect(serverText(i18n, 'x', { key: 'engineState.leaseStale', params: seconds })).toBe(
      'the database lease has not been renewed for 60 s: sync stopped until the database answers',
    );
    await i18n.changeLanguage('pt-BR');
  });

  it('pt-BR shows the server’s own text; English renders the key with its values', async () => {
    const ref = {
      key: 'prereq.parameter.label',
      params: { parameter: '2829', rule: '@prereq.parameterRule.2829', branch: '2' },
    };
    expect(serverText(i18n, 'Parâmetro 2829 — % do estoque para o e-commerce (filial 2)', ref)).toBe(
      'Parâmetro 2829 — % do estoque para o e-commerce (filial 2)',
    );
    await i18n.changeLanguage('en');
    expect(serverText(i18n, 'x', ref)).toBe('Parameter 2829 — % of stock offered online (branch 2)');
    expect(
      serverText(i18n, 'x', {
        key: 'health.jobFailing',
        params: { job: 'prices', branch: '1', since: '2026-12-05T13:00:00.000Z' },
      }),
    ).toMatch(/^Failing: Prices \(branch 1\) since /);
    expect(
      serverText(i18n, 'x', {
        key: 'health.engineHeld',
        params: { context: 'owner', installed: 6, target: 7, since: '2026-12-05T13:00:00.000Z' },
      }),
    ).toMatch(
      /^Sync stopped: the DBA must update the integration tables \(version 6 in the database, 7 in this release\) since /,
    );
    // No pt-BR filler in English: an unknown user, an empty store code, the schema hold (review of #11).
    expect(
      serverText(i18n, 'x', {
        key: 'prereq.create.fixGrant',
        params: { privileges: 'CREATE TRIGGER', user: null, owners: '', context: 'noUser' },
      }),
    ).toBe(
      'Ask the DBA to GRANT CREATE TRIGGER to the integrator’s database user; or hand the DBA the "Create tables / sequences / triggers" script (view script) to run.',
    );
    expect(
      serverText(i18n, 'x', {
        key: 'pending.sem_mapa_cobranca',
        params: { storeOrderId: 7, storeCode: null, field: 'payments[0].method', context: 'empty' },
      }),
    ).toBe(
      'Order 7: the payment method (payments[0].method) is empty in the store and has no mapping to WinThor.',
    );
    expect(serverText(i18n, 'x', { key: 'engineState.schemaHold', params: { context: 'owner' } })).toBe(
      'the DBA must update the integration tables',
    );
    expect(
      serverText(i18n, 'x', { key: 'health.engineHeldResumed', params: { installed: 6, target: 7 } }),
    ).toMatch(/^Integration tables out of date — resumed by hand/);
    expect(serverText(i18n, 'Texto do servidor', { key: 'pending.um_tipo_novo' })).toBe('Texto do servidor');
    // A pendência of an older release, without the values its English words need: its pt-BR text, no holes.
    expect(
      serverText(i18n, 'Pedido 7 rejeitado pelo WinThor: cliente bloqueado.', {
        key: 'pending.rejeitado_winthor',
        params: { key: '7' },
      }),
    ).toBe('Pedido 7 rejeitado pelo WinThor: cliente bloqueado.');
    // With them, English, in the variant the values name (i18next's context).
    expect(
      serverText(i18n, 'x', {
        key: 'pending.documento_invalido',
        params: {
          id: '7',
          context: 'customer',
          docType: 'CPF',
          document: '123',
          field: 'documentId',
          reason: '@pendingPart.digitCount',
          digits: 3,
        },
      }),
    ).toBe('Store customer 7: invalid CPF "123" (documentId): wrong number of digits.');
    expect(serverText(i18n, 'Sem chave')).toBe('Sem chave');
    await i18n.changeLanguage('pt-BR');
  });

  it('the mappings refusal names its kind, and the tracking warning names what is lost, in English', async () => {
    await i18n.changeLanguage('en');
    expect(serverText(i18n, 'pt', { key: 'errors.mappingsChanged_plans', params: { branch: '2' } })).toBe(
      'The payment plan mappings of branch 2 were changed in another window after this screen read them; nothing was saved.',
    );
    expect(
      serverText(i18n, 'pt', {
        key: 'prereq.columns.optionalMissing_trackingLink',
        params: { columns: 90, tables: 20, code: '', link: 'PCFORNEC.URLBASERASTREIO' },
      }),
    ).toBe(
      "90 columns of 20 tables exist in this database (older WinThor versions lack the tracking ones). Without PCFORNEC.URLBASERASTREIO, the carrier's tracking link is not sent (the code is).",
    );
    await i18n.changeLanguage('pt-BR');
  });

  it('says a refused input in English: zod’s words for its code, our own words for our checks', async () => {
    await i18n.changeLanguage('en');
    expect(
      issueText(i18n, {
        path: 'server.port',
        code: 'invalid_type',
        message: 'server.port: Entrada inválida',
        params: { expected: 'number', received: 'string' },
      }),
    ).toBe('server.port: Invalid input: expected number, received string');
    expect(
      issueText(i18n, {
        path: 'limit',
        code: 'too_small',
        message: 'x',
        params: { origin: 'number', minimum: 1, inclusive: true },
      }),
    ).toBe('limit: Too small: expected number to be >=1');
    expect(
      issueText(i18n, {
        path: 'email.cc.1',
        code: 'custom',
        message: 'pt',
        params: { key: 'validation.emailAddress', address: 'gerente' },
      }),
    ).toBe('email.cc.1: "gerente" is not a valid e-mail address; use the form name@company.com.');
    await i18n.changeLanguage('pt-BR');
    expect(issueText(i18n, { path: 'p', code: 'custom', message: 'p: mensagem em português' })).toBe(
      'p: mensagem em português',
    );
  });
});
