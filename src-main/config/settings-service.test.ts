import Conf from 'conf';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SECRET_MASK } from '../api/contract';
import { openHeadlessSettings } from './headless-settings';
import { KeyFileCipher } from './secret-cipher';
import { SettingsFileError, SettingsService } from './settings-service';

let dir: string;
const file = () => join(dir, 'settings.json');
const readFile = () => readFileSync(file(), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-settings-'));
});

const withSecrets = (settings: SettingsService) =>
  settings.update({
    database: {
      ...settings.get().database,
      oracle: { ...settings.get().database.oracle, user: 'WINTHOR', password: 'senha-do-banco' },
    },
    branches: [
      {
        code: '1',
        name: 'Matriz',
        enabled: true,
        store: { url: 'https://loja.example.com.br', token: 'token-da-loja-1' },
        email: {
          ...settings.get().branches[0]?.email,
          enabled: false,
          host: 'smtp.example.com',
          port: 587,
          protocol: 'starttls',
          from: 'a@b.c',
          user: 'u',
          password: 'senha-smtp',
          to: [],
          cc: [],
        },
        stock: { formula: 'gerencial', warehouseErpId: '1' },
        price: { tableErpId: '1' },
      },
    ],
  });

describe('SettingsService', () => {
  it('starts from the defaults and writes them', () => {
    const settings = openHeadlessSettings(dir);
    expect(settings.get().server.port).toBe(7585);
    expect(settings.get().language).toBe('pt-BR');
    expect(JSON.parse(readFile()).schemaVersion).toBe(1);
  });

  it('encrypts every secret at rest and keeps the rest readable', () => {
    const settings = openHeadlessSettings(dir);
    withSecrets(settings);
    const text = readFile();
    for (const secret of ['senha-do-banco', 'token-da-loja-1', 'senha-smtp'])
      expect(text).not.toContain(secret);
    expect(text).toContain('WINTHOR');
    expect(text).toContain('enc:aes:');
    const reopened = openHeadlessSettings(dir);
    expect(reopened.get().database.oracle.password).toBe('senha-do-banco');
    expect(reopened.get().branches[0]?.store.token).toBe('token-da-loja-1');
  });

  it('never gives a secret back to the UI: masked when set, empty when not', () => {
    const settings = openHeadlessSettings(dir);
    expect(settings.getMasked().database.oracle.password).toBe('');
    const masked = withSecrets(settings);
    expect(masked.database.oracle.password).toBe(SECRET_MASK);
    expect(masked.branches[0]?.store.token).toBe(SECRET_MASK);
    expect(masked.branches[0]?.email.password).toBe(SECRET_MASK);
    expect(JSON.stringify(settings.getMasked())).not.toMatch(/senha-do-banco|token-da-loja-1|senha-smtp/);
  });

  it('keeps a stored secret when the UI sends the mask back, and replaces it when it sends a new value', () => {
    const settings = openHeadlessSettings(dir);
    const masked = withSecrets(settings);
    settings.update({ branches: masked.branches.map((b) => ({ ...b, name: 'Matriz SP' })) });
    expect(settings.get().branches[0]?.store.token).toBe('token-da-loja-1');
    expect(settings.get().branches[0]?.name).toBe('Matriz SP');
    settings.update({
      branches: masked.branches.map((b) => ({ ...b, store: { ...b.store, token: 'novo-token' } })),
    });
    expect(settings.get().branches[0]?.store.token).toBe('novo-token');
  });

  it('refuses invalid values with a message naming the field', () => {
    const settings = openHeadlessSettings(dir);
    expect(() => settings.update({ server: { ...settings.get().server, port: 0 } })).toThrowError(
      /server\.port/,
    );
    expect(settings.get().server.port).toBe(7585);
  });

  it('exports without secrets and imports keeping the secrets already stored', () => {
    const settings = openHeadlessSettings(dir);
    withSecrets(settings);
    const exported = settings.export();
    expect(exported.fileName).toMatch(/^integrador-winthor-ciashop-\d{8}T\d{6}\.json$/);
    expect(exported.content).not.toMatch(/senha-do-banco|token-da-loja-1|senha-smtp/);
    const other = JSON.parse(exported.content);
    other.branches[0].name = 'Importada';
    settings.import(JSON.stringify(other));
    expect(settings.get().branches[0]?.name).toBe('Importada');
    expect(settings.get().branches[0]?.store.token).toBe('token-da-loja-1');
  });

  it('refuses an import that is not JSON or not settings, changing nothing', () => {
    const settings = openHeadlessSettings(dir);
    expect(() => settings.import('isto não é json')).toThrowError(
      'Arquivo: o conteúdo não é um JSON válido.',
    );
    expect(() => settings.import(JSON.stringify({ schemaVersion: 1, server: { port: 'x' } }))).toThrowError(
      /server\.port/,
    );
    expect(settings.get().server.port).toBe(7585);
  });

  it('on an unreadable file: clear error, a backup, and the file left as it was', () => {
    writeFileSync(file(), '{ "schemaVersion": 1, "server": { "port": 7585 ');
    let error: unknown;
    try {
      openHeadlessSettings(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SettingsFileError);
    const backup = (error as SettingsFileError).backupPath;
    expect((error as Error).message).toMatch(/não é um JSON válido/);
    expect(readFileSync(backup, 'utf8')).toBe(readFile());
    expect(readFile()).toBe('{ "schemaVersion": 1, "server": { "port": 7585 ');
  });

  it('on a file with invalid values: names the field, backs up, never resets', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, server: { port: 99999 } }));
    expect(() => openHeadlessSettings(dir)).toThrowError(/server\.port/);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.invalido-'))).toBe(true);
    expect(JSON.parse(readFile()).server.port).toBe(99999);
  });

  it('refuses a file written by a newer version of the app', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 99 }));
    expect(() => openHeadlessSettings(dir)).toThrowError(/versão 99/);
  });

  it('migrates a file without a version and encrypts secrets typed in clear by hand', () => {
    writeFileSync(file(), JSON.stringify({ database: { kind: 'oracle', oracle: { password: 'digitada' } } }));
    const settings = openHeadlessSettings(dir);
    expect(settings.get().database.oracle.password).toBe('digitada');
    expect(settings.get().schemaVersion).toBe(1);
    expect(readFile()).not.toContain('digitada');
  });

  it('warns, and asks for the secret again, when a secret was encrypted with another key', () => {
    withSecrets(openHeadlessSettings(dir));
    writeFileSync(join(dir, 'secret.key'), 'ab'.repeat(32));
    const onWarning = vi.fn();
    const settings = openHeadlessSettings(dir, onWarning);
    expect(settings.get().database.oracle.password).toBe('');
    expect(onWarning).toHaveBeenCalledWith(expect.stringContaining('database.oracle.password'));
  });

  it('tells listeners about every change', () => {
    const settings = new SettingsService({
      filePath: file(),
      openStore: () =>
        new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 't' }),
      cipher: new KeyFileCipher(join(dir, 'k')),
    });
    const listener = vi.fn();
    settings.onChange(listener);
    settings.update({ language: 'en' });
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ language: 'en' }));
  });
});

describe('KeyFileCipher', () => {
  it('creates a key readable only by its owner and round-trips', () => {
    const keyFile = join(dir, 'sub', 'secret.key');
    const cipher = new KeyFileCipher(keyFile);
    expect(existsSync(keyFile)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const stored = cipher.encrypt('olá, mundo');
    expect(stored.startsWith('enc:aes:')).toBe(true);
    expect(cipher.encrypt('olá, mundo')).not.toBe(stored);
    expect(new KeyFileCipher(keyFile).decrypt(stored)).toBe('olá, mundo');
  });

  it('detects tampering', () => {
    const cipher = new KeyFileCipher(join(dir, 'k'));
    const stored = cipher.encrypt('segredo');
    const parts = stored.split(':');
    parts[4] = Buffer.from('outra coisa').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });
});
