import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../contract';
import { openHeadlessSettings } from './headless-settings';
import { ENCRYPTED_PREFIX, KeyFileCipher, type SecretCipher } from './secret-cipher';
import { SettingsService } from './settings-service';

let dir: string;
const settingsFile = () => join(dir, 'settings.json');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-upgrade-'));
});

/** What an older release (settings format 1: one global schedule map) left in the data folder. */
const writeVersion1File = () => {
  const cipher = new KeyFileCipher(join(dir, 'secret.key'));
  const content = JSON.stringify(
    {
      schemaVersion: 1,
      database: {
        kind: 'oracle',
        oracle: { connectString: 'srv:1521/WINT', user: 'WINTHOR', password: cipher.encrypt('senha-v1') },
      },
      branches: [
        {
          code: '1',
          name: 'Matriz',
          store: { url: 'https://loja.example.com.br', token: cipher.encrypt('token-v1') },
        },
      ],
      schedules: {
        stock: { enabled: true, every: 5, unit: 'minutes' },
        orders: { enabled: false, every: 3 },
      },
    },
    null,
    2,
  );
  writeFileSync(settingsFile(), content);
  return content;
};

describe('an upgrade keeps the settings', () => {
  it('migrates a file of an older format: same values and secrets, the old file kept beside it', () => {
    const original = writeVersion1File();
    const warnings: string[] = [];
    const settings = openHeadlessSettings(dir, (message) => warnings.push(message));

    const loaded = settings.get();
    expect(loaded.schemaVersion).toBe(SETTINGS_VERSION);
    expect(loaded.database.oracle).toMatchObject({ user: 'WINTHOR', password: 'senha-v1' });
    expect(loaded.branches[0]!.store).toEqual({ url: 'https://loja.example.com.br', token: 'token-v1' });
    const stock = loaded.branches[0]!.schedules.find((s) => s.job === 'stock');
    const orders = loaded.branches[0]!.schedules.find((s) => s.job === 'orders');
    expect(stock).toMatchObject({ enabled: true, every: 5, unit: 'minutes' });
    expect(orders).toMatchObject({ enabled: false, every: 3 });

    const onDisk = JSON.parse(readFileSync(settingsFile(), 'utf8'));
    expect(onDisk.schemaVersion).toBe(SETTINGS_VERSION);
    expect(onDisk.branches[0].store.token).toMatch(/^enc:aes:/);
    expect(JSON.stringify(onDisk)).not.toContain('token-v1');

    const backups = readdirSync(dir).filter((name) =>
      /^settings\.json\.versao-1-\d{8}T\d{6}\.bak$/.test(name),
    );
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]!), 'utf8')).toBe(original);
    expect(warnings.join('\n')).toMatch(/formato 1 para o \d+; o arquivo anterior foi guardado em/);

    // Opening again: nothing left to migrate, no second backup.
    openHeadlessSettings(dir);
    expect(readdirSync(dir).filter((name) => name.endsWith('.bak'))).toHaveLength(1);
  });

  it("re-encrypts another host's secrets with this host's cipher once it has read them", () => {
    // A desktop file of before ADR 0308: its secrets written with DPAPI (safeStorage), read here by a reader.
    const dpapi: SecretCipher = {
      id: 'safe',
      encrypt: (plain) => `${ENCRYPTED_PREFIX}safe:${Buffer.from(plain).toString('base64')}`,
      decrypt: (stored) => Buffer.from(stored.split(':')[2]!, 'base64').toString('utf8'),
    };
    writeFileSync(
      settingsFile(),
      JSON.stringify({
        schemaVersion: SETTINGS_VERSION,
        branches: [
          { code: '1', store: { url: 'https://loja.example.com.br', token: dpapi.encrypt('token-dpapi') } },
        ],
      }),
    );
    const open = () =>
      new SettingsService({
        filePath: settingsFile(),
        openStore: () =>
          new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'wtc-test' }),
        cipher: new KeyFileCipher(join(dir, 'secret.key')),
        readers: [dpapi],
      });
    expect(open().get().branches[0]!.store.token).toBe('token-dpapi');
    const token = JSON.parse(readFileSync(settingsFile(), 'utf8')).branches[0].store.token as string;
    expect(token).toMatch(/^enc:aes:/);
    // Now the key file alone opens it: the service, which has no DPAPI of this user, reads the same file.
    expect(openHeadlessSettings(dir).get().branches[0]!.store.token).toBe('token-dpapi');
  });
});
