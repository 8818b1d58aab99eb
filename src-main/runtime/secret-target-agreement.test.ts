import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseHandlers } from '../api/handlers/database-handlers';
import { openHeadlessSettings } from '../config/headless-settings';
import { Branch, DatabaseSettings, SECRET_MASK } from '../contract';
import { oraclePasswordTarget, storeTokenTarget } from '../contract/secret-targets';
import { startStoreSandbox, type StoreSandbox } from '../sandbox/store/store-sandbox';
import type { DatabaseSettings as OpenedSettings } from '../winthor/db/open-db';
import { DatabaseService } from '../winthor/database-service';
import { createRuntime, type Runtime } from './create-runtime';

// The settings (a masked secret kept or refused) and "Testar conexão" (the stored secret used or refused)
// must give the same verdict for each changed target: the one of contract/secret-targets.ts (ADR 0008).

let dir: string;
let runtime: Runtime;
let sandbox: StoreSandbox;

beforeAll(async () => {
  sandbox = await startStoreSandbox({ token: 'TOKEN-SALVO' });
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-secret-targets-'));
  runtime = createRuntime({ host: 'headless', settings: openHeadlessSettings(dir), dataDir: dir });
  return async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  };
});

/** Does settings.update keep the masked secret under this change? */
const settingsKeep = (apply: () => unknown): boolean => {
  try {
    apply();
    return true;
  } catch (error) {
    expect(error).toMatchObject({ code: 'secret_missing' });
    return false;
  }
};

describe('a store token follows the same rule in the settings and in store.test', () => {
  const typedUrls = (base: string) => [
    [`${base}/`, 'same'],
    [`${base}/manager/pedidos`, 'same'],
    [`${base}/api/v1/products/12`, 'same'],
    [`${base}/outra-loja`, 'other'],
    [base.replace('127.0.0.1', 'localhost'), 'other'],
    [base.replace('http://', ''), 'other'],
  ];

  it('keeps or refuses the saved token exactly when the rule says the target is the same or another', async () => {
    const cases = typedUrls(sandbox.url);
    for (const [typed, expected] of cases) {
      const saved = Branch.parse({ code: '1', store: { url: sandbox.url, token: 'TOKEN-SALVO' } });
      runtime.settings.update({ branches: [saved] });
      const same = storeTokenTarget(typed!) === storeTokenTarget(sandbox.url);
      expect(same ? 'same' : 'other', typed).toBe(expected);

      const calls = sandbox.totalCalls();
      const tested = await runtime.api.invoke('store.test', { branch: '1', url: typed, token: SECRET_MASK });
      if (same) expect(tested, typed).toMatchObject({ ok: true, failed: 'none' });
      else {
        expect(tested.ok, typed).toBe(false);
        expect(sandbox.totalCalls(), `${typed}: the saved token reached the store`).toBe(calls);
      }

      const masked = runtime.settings.getMasked().branches[0]!;
      const kept = settingsKeep(() =>
        runtime.settings.update({ branches: [{ ...masked, store: { ...masked.store, url: typed! } }] }),
      );
      expect(kept, typed).toBe(same);
    }
  });
});

describe('the Oracle password follows the same rule in the settings and in db.testConnection', () => {
  const stored = {
    connectString: '127.0.0.1:1/WINT',
    user: 'WINTHOR',
    password: 'SENHA-SALVA',
    instantClientDir: '',
    poolMin: 1,
    poolMax: 4,
    schema: '',
  };
  const changes: Array<[string, Partial<typeof stored>]> = [
    ['user in another case', { user: ' winthor ' }],
    ['connect string with spaces', { connectString: ' 127.0.0.1:1/WINT ' }],
    ['another Instant Client folder', { instantClientDir: '/opt/oracle/instantclient' }],
    ['another pool size', { poolMax: 8 }],
    ['another server', { connectString: '127.0.0.1:1/OUTRO' }],
    ['another user', { user: 'OUTRO' }],
  ];

  it('uses or refuses the saved password exactly when the rule says the target is the same or another', async () => {
    const opened: OpenedSettings[] = [];
    const database = new DatabaseService(() => runtime.settings.get(), {
      open: async (settings) => {
        opened.push(settings);
        throw new Error('sem banco neste teste');
      },
    });
    const handlers = databaseHandlers(runtime.settings, database);
    for (const [name, change] of changes) {
      runtime.settings.update({ database: { kind: 'oracle', oracle: stored } });
      const candidate = { ...stored, ...change, password: SECRET_MASK };
      const same = oraclePasswordTarget(candidate) === oraclePasswordTarget(stored);

      opened.length = 0;
      const tested = await handlers['db.testConnection'](
        { database: DatabaseSettings.parse({ kind: 'oracle', oracle: candidate }) },
        { origin: 'internal' },
      );
      if (same) {
        expect(
          opened.map((o) => o.oracle.password),
          name,
        ).toEqual(['SENHA-SALVA']);
      } else {
        expect(tested, name).toMatchObject({ ok: false, code: 'password_required' });
        expect(opened, name).toEqual([]);
      }

      const kept = settingsKeep(() => runtime.settings.update({ database: { oracle: candidate } }));
      expect(kept, name).toBe(same);
      if (kept) expect(runtime.settings.get().database.oracle.password, name).toBe('SENHA-SALVA');
    }
  });
});
