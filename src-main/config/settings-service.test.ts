import Conf from 'conf';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AlertSettings, SECRET_MASK, SETTINGS_VERSION } from '../contract';
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
        schedules: [],
        mappings: { billing: [], plans: [], carriers: [] },
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
          alerts: AlertSettings.parse({}),
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
    expect(JSON.parse(readFile()).schemaVersion).toBe(SETTINGS_VERSION);
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

  it('refuses a JSON file that is not an export (no schemaVersion, no known section), changing nothing', () => {
    const settings = openHeadlessSettings(dir);
    withSecrets(settings);
    settings.update({ server: { ...settings.getMasked().server, port: 7600 } });
    const before = readFile();
    const wrongFiles = [
      { compilerOptions: { strict: true }, include: ['src'] },
      { server: { port: 8080 } },
      { schemaVersion: '1', server: { port: 8080 } },
      { schemaVersion: 1 },
      { schemaVersion: 1, name: 'outro-projeto' },
    ];
    for (const wrong of wrongFiles) {
      expect(() => settings.import(JSON.stringify(wrong), 'tsconfig.json')).toThrowError(
        /^Arquivo "tsconfig\.json": não é um arquivo de configurações do integrador/,
      );
    }
    expect(readFile()).toBe(before);
    expect(settings.get().server.port).toBe(7600);
    expect(settings.get().branches[0]?.store.token).toBe('token-da-loja-1');
    // A genuine export still imports.
    const exported = JSON.parse(settings.export().content);
    exported.server.port = 7601;
    settings.import(JSON.stringify(exported), 'export.json');
    expect(settings.get().server.port).toBe(7601);
    expect(settings.get().branches[0]?.store.token).toBe('token-da-loja-1');
  });

  it('refuses Conexões mínimas above Conexões máximas, with a pt-BR message naming both', () => {
    const settings = openHeadlessSettings(dir);
    const oracle = settings.get().database.oracle;
    expect(() =>
      settings.update({ database: { oracle: { ...oracle, password: '', poolMin: 5, poolMax: 4 } } }),
    ).toThrowError(
      'Dados inválidos — database.oracle.poolMin: Conexões mínimas (5) não pode ser maior que Conexões máximas (4).',
    );
    expect(() =>
      settings.update({ database: { oracle: { ...oracle, password: '', poolMin: 1.5 } } }),
    ).toThrowError(/Conexões mínimas: informe um número inteiro de 0 a 64\./);
    expect(settings.get().database.oracle.poolMin).toBe(1);
    settings.update({ database: { oracle: { ...oracle, password: '', poolMin: 4, poolMax: 4 } } });
    expect(settings.get().database.oracle.poolMin).toBe(4);
  });

  it('loads a file saved with Conexões mínimas above máximas, lowering the minimum and saying so', () => {
    const settings = openHeadlessSettings(dir);
    const saved = JSON.parse(readFile());
    saved.database.oracle.poolMin = 8;
    saved.database.oracle.poolMax = 3;
    writeFileSync(file(), JSON.stringify(saved));
    void settings;
    const warnings: string[] = [];
    const reopened = openHeadlessSettings(dir, (message) => warnings.push(message));
    expect(reopened.get().database.oracle.poolMin).toBe(3);
    expect(warnings.join()).toMatch(/Conexões mínimas \(8\).*Conexões máximas \(3\)/);
    expect(JSON.parse(readFile()).database.oracle.poolMin).toBe(3);
  });

  it('loads a file with plan codes no order can carry, leaving those rows out and naming them (ADR 0222)', () => {
    const settings = openHeadlessSettings(dir);
    withSecrets(settings);
    const saved = JSON.parse(readFile());
    saved.branches[0].mappings.plans = [
      { storeCode: 'abc', winthorCode: '1', description: '' },
      { storeCode: 'CreditCard:03', winthorCode: '3', description: '' },
    ];
    writeFileSync(file(), JSON.stringify(saved));
    const warnings: string[] = [];
    const reopened = openHeadlessSettings(dir, (message) => warnings.push(message));
    expect(reopened.get().branches[0]?.mappings.plans).toEqual([
      { storeCode: 'CreditCard:3', winthorCode: '3', description: '' },
    ]);
    expect(warnings.join()).toMatch(/Plano de pagamento da filial 1: o mapeamento "abc" foi descartado/);
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

  it('keeps one copy per bad content: opening the same bad file again adds no copy', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, server: { port: 99999 } }));
    const backups = () => readdirSync(dir).filter((name) => name.startsWith('settings.json.invalido-'));
    expect(() => openHeadlessSettings(dir)).toThrowError(/server\.port/);
    expect(() => openHeadlessSettings(dir)).toThrowError(/server\.port/);
    expect(backups()).toHaveLength(1);
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, server: { port: 99998 } }));
    let error: unknown;
    try {
      openHeadlessSettings(dir);
    } catch (caught) {
      error = caught;
    }
    expect(backups()).toHaveLength(2);
    expect(readFileSync((error as SettingsFileError).backupPath, 'utf8')).toBe(readFile());
  });

  it('refuses a file written by a newer version of the app, says so and changes nothing', () => {
    const content = JSON.stringify({ schemaVersion: 99 });
    writeFileSync(file(), content);
    expect(() => openHeadlessSettings(dir)).toThrowError(
      expect.objectContaining({
        code: 'settings_from_newer_version',
        exitCode: 5,
        message: expect.stringMatching(/versão mais nova do integrador \(formato 99 .*conhece até o \d+\)/),
        fix: expect.stringMatching(/Instale de novo a versão mais nova/),
      }),
    );
    expect(readFile()).toBe(content);
    expect(readdirSync(dir).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  it('migrates a file without a version and encrypts secrets typed in clear by hand', () => {
    writeFileSync(file(), JSON.stringify({ database: { kind: 'oracle', oracle: { password: 'digitada' } } }));
    const settings = openHeadlessSettings(dir);
    expect(settings.get().database.oracle.password).toBe('digitada');
    expect(settings.get().schemaVersion).toBe(SETTINGS_VERSION);
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

  it('reports the save when a listener fails after the file was written, and still tells the others', () => {
    const warnings: string[] = [];
    const settings = openHeadlessSettings(dir, (message) => warnings.push(message));
    settings.onChange(() => {
      throw new Error('servidor web indisponível');
    });
    const after = vi.fn();
    settings.onChange(after);
    const saved = settings.update({ server: { port: 7600 } });
    expect(saved.server.port).toBe(7600);
    expect(settings.get().server.port).toBe(7600);
    expect(JSON.parse(readFile()).server.port).toBe(7600);
    expect(after).toHaveBeenCalledWith(
      expect.objectContaining({ server: expect.objectContaining({ port: 7600 }) }),
    );
    expect(warnings).toEqual([
      expect.stringMatching(
        /^As configurações foram salvas, mas .*\(servidor web indisponível\)\. Reinicie o integrador/,
      ),
    ]);
  });
});

describe('SettingsService: a stored secret never follows a changed target', () => {
  it('keeps a masked token while the store URL is the same (even written differently)', () => {
    const settings = openHeadlessSettings(dir);
    const masked = withSecrets(settings);
    settings.update({
      branches: masked.branches.map((b) => ({
        ...b,
        store: { ...b.store, url: ' LOJA.example.com.br/manager ' },
      })),
    });
    expect(settings.get().branches[0]?.store.token).toBe('token-da-loja-1');
  });

  it('refuses a masked token when the store URL changes, naming the field', () => {
    const settings = openHeadlessSettings(dir);
    const masked = withSecrets(settings);
    let error: unknown;
    try {
      settings.update({
        branches: masked.branches.map((b) => ({
          ...b,
          store: { ...b.store, url: 'https://attacker.example' },
        })),
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'secret_missing',
      field: 'branches.1.store.token',
      fix: expect.stringContaining('Ao mudar a URL da loja, digite o token novamente'),
    });
    expect((error as Error).message).toMatch(/^Token da loja da filial 1: a URL da loja mudou/);
    expect(settings.get().branches[0]?.store.url).toBe('https://loja.example.com.br');
    expect(settings.get().branches[0]?.store.token).toBe('token-da-loja-1');
  });

  it('accepts the new URL with the token typed again', () => {
    const settings = openHeadlessSettings(dir);
    const masked = withSecrets(settings);
    settings.update({
      branches: masked.branches.map((b) => ({
        ...b,
        store: { url: 'https://outra.example', token: 'tk-novo' },
      })),
    });
    expect(settings.get().branches[0]?.store).toEqual({ url: 'https://outra.example', token: 'tk-novo' });
  });

  it('refuses a masked database password when the connect string or the user changes', () => {
    const settings = openHeadlessSettings(dir);
    withSecrets(settings);
    settings.update({ database: { oracle: { connectString: 'db:1521/WINT', password: 'senha-do-banco' } } });
    settings.update({ database: { oracle: { connectString: 'db:1521/WINT', user: 'winthor ' } } });
    expect(settings.get().database.oracle.password).toBe('senha-do-banco');
    expect(() =>
      settings.update({ database: { oracle: { connectString: 'attacker.example:1521/X' } } }),
    ).toThrowError(expect.objectContaining({ code: 'secret_missing', field: 'database.oracle.password' }));
    expect(() =>
      settings.update({ database: { oracle: { user: 'OUTRO', password: SECRET_MASK } } }),
    ).toThrowError(expect.objectContaining({ code: 'secret_missing', field: 'database.oracle.password' }));
    expect(settings.get().database.oracle).toMatchObject({ connectString: 'db:1521/WINT', user: 'winthor ' });
    settings.update({ database: { oracle: { connectString: 'novo:1521/X', password: 'senha-nova' } } });
    expect(settings.get().database.oracle.password).toBe('senha-nova');
  });

  it('refuses a masked e-mail password when the SMTP host or user changes', () => {
    const settings = openHeadlessSettings(dir);
    const masked = withSecrets(settings);
    for (const change of [{ host: 'smtp.attacker.example' }, { user: 'outro' }]) {
      expect(() =>
        settings.update({
          branches: masked.branches.map((b) => ({ ...b, email: { ...b.email, ...change } })),
        }),
      ).toThrowError(expect.objectContaining({ code: 'secret_missing', field: 'branches.1.email.password' }));
    }
    settings.update({ branches: masked.branches.map((b) => ({ ...b, email: { ...b.email, port: 465 } })) });
    expect(settings.get().branches[0]?.email.password).toBe('senha-smtp');
  });

  it('keeps the login password whatever else changes (it has no target)', () => {
    const settings = openHeadlessSettings(dir);
    settings.update({ server: { loginPassword: 'senha-web' } });
    settings.update({ server: { port: 8080, loginPassword: SECRET_MASK } });
    expect(settings.get().server.loginPassword).toBe('senha-web');
  });

  it('on import, a changed target with a masked or empty secret gets an empty secret, not the old one', () => {
    const settings = openHeadlessSettings(dir);
    withSecrets(settings);
    const file = JSON.parse(settings.export().content);
    file.branches[0].store.url = 'https://attacker.example';
    file.branches[0].email.host = 'smtp.attacker.example';
    file.branches[0].email.password = '';
    file.database.oracle.connectString = 'attacker.example:1521/X';
    settings.import(JSON.stringify(file));
    expect(settings.get().branches[0]?.store).toEqual({ url: 'https://attacker.example', token: '' });
    expect(settings.get().branches[0]?.email.password).toBe('');
    expect(settings.get().database.oracle.password).toBe('');
    expect(openHeadlessSettings(dir).get().branches[0]?.store.token).toBe('');
  });

  it('drops an undecryptable secret when its target changes, instead of writing it back', () => {
    withSecrets(openHeadlessSettings(dir));
    writeFileSync(join(dir, 'secret.key'), 'ab'.repeat(32));
    const settings = openHeadlessSettings(dir, () => {});
    // The UI shows an undecryptable secret as not set ('') and sends '' back.
    const masked = settings.getMasked();
    expect(masked.branches[0]?.store.token).toBe('');
    settings.update({ branches: masked.branches.map((b) => ({ ...b, name: 'Outro nome' })) });
    expect(JSON.parse(readFile()).branches[0].store.token).toMatch(/^enc:aes:/);
    settings.update({
      branches: masked.branches.map((b) => ({
        ...b,
        store: { ...b.store, url: 'https://attacker.example' },
      })),
    });
    expect(JSON.parse(readFile()).branches[0].store.token).toBe('');
    settings.update({ database: { oracle: { connectString: 'attacker.example:1521/X' } } });
    expect(JSON.parse(readFile()).database.oracle.password).toBe('');
  });
});

describe('SettingsService: importing a raw settings.json (encrypted secrets)', () => {
  it('decrypts the secrets it can instead of storing the ciphertext as the secret', () => {
    const settings = openHeadlessSettings(dir);
    withSecrets(settings);
    settings.import(readFile());
    expect(settings.get().database.oracle.password).toBe('senha-do-banco');
    expect(settings.get().branches[0]?.store.token).toBe('token-da-loja-1');
    expect(openHeadlessSettings(dir).get().branches[0]?.email.password).toBe('senha-smtp');
  });

  it('treats a secret it cannot decrypt like the mask: kept for the same target, else empty', () => {
    const other = mkdtempSync(join(tmpdir(), 'wtc-settings-other-'));
    const elsewhere = openHeadlessSettings(other);
    withSecrets(elsewhere);
    elsewhere.update({ database: { oracle: { connectString: 'outro:1521/X', password: 'senha-de-la' } } });
    const foreign = readFileSync(join(other, 'settings.json'), 'utf8');

    const settings = openHeadlessSettings(dir);
    withSecrets(settings);
    settings.update({ database: { oracle: { password: 'senha-daqui' } } });
    settings.import(foreign);
    const imported = settings.get();
    expect(imported.branches[0]?.store.token).toBe('token-da-loja-1');
    expect(imported.database.oracle.connectString).toBe('outro:1521/X');
    expect(imported.database.oracle.password).toBe('');
    expect(JSON.stringify(imported)).not.toContain('enc:');
  });
});

describe('SettingsService: listening off loopback needs a login password', () => {
  it('refuses a LAN address without a password, naming server.loginPassword', () => {
    const settings = openHeadlessSettings(dir);
    expect(() => settings.update({ server: { host: '0.0.0.0' } })).toThrowError(
      expect.objectContaining({ code: 'invalid_settings', field: 'server.loginPassword' }),
    );
    expect(settings.get().server.host).toBe('127.0.0.1');
  });

  it('refuses removing the password while on the LAN, and accepts the mask as the stored password', () => {
    const settings = openHeadlessSettings(dir);
    settings.update({ server: { host: '0.0.0.0', loginPassword: 'senha-web' } });
    settings.update({ server: { host: '0.0.0.0', port: 8080, loginPassword: SECRET_MASK } });
    expect(() => settings.update({ server: { loginPassword: '' } })).toThrowError(/server\.loginPassword/);
    expect(settings.get().server.loginPassword).toBe('senha-web');
  });

  it('on import, an empty password in the file keeps the stored one; none at all is refused', () => {
    const settings = openHeadlessSettings(dir);
    const file = { schemaVersion: 1, server: { host: '0.0.0.0', loginPassword: '' } };
    expect(() => settings.import(JSON.stringify(file))).toThrowError(/server\.loginPassword/);
    expect(() =>
      settings.import(JSON.stringify({ ...file, server: { ...file.server, loginPassword: SECRET_MASK } })),
    ).toThrowError(/server\.loginPassword/);
    settings.update({ server: { loginPassword: 'senha-web' } });
    settings.import(JSON.stringify(file));
    expect(settings.get().server).toMatchObject({ host: '0.0.0.0', loginPassword: 'senha-web' });
  });

  it('still opens a file saved before the check, with a warning', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, server: { host: '0.0.0.0' } }));
    const onWarning = vi.fn();
    expect(openHeadlessSettings(dir, onWarning).get().server.host).toBe('0.0.0.0');
    expect(onWarning).toHaveBeenCalledWith(expect.stringContaining('server.loginPassword'));
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
