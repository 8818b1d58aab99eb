import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import {
  SECRET_MASK,
  SERVER_ACCESS_FIELD,
  Settings,
  defaultSettings,
  SettingsObject,
  serverAccessIssue,
  type SettingsPatch,
} from '../contract';
import { AppError } from '../shared/app-error';
import { describeValidationError } from '../shared/validation-message';
import { migrateSettings } from './migrations';
import { isEncrypted, type SecretCipher } from './secret-cipher';
import { secretTargets } from '../contract/secret-targets';
import { listSecrets, mapSecrets } from './secret-fields';

/** The part of conf / electron-store that the service uses: a file path and the whole object. */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

export interface SettingsServiceOptions {
  /** Where the store keeps its file, checked before the store is opened. */
  filePath: string;
  openStore: () => ConfLike;
  cipher: SecretCipher;
  /** Extra ciphers able to read secrets written by another host (e.g. headless reading a desktop file). */
  readers?: SecretCipher[];
  onWarning?: (message: string) => void;
  now?: () => Date;
}

/** The settings file exists but cannot be used. It was copied aside; nothing was reset. */
export class SettingsFileError extends AppError {
  constructor(
    message: string,
    readonly backupPath: string,
  ) {
    super('invalid_settings_file', message, {
      fix: `Corrija o arquivo ou apague-o para recomeçar com as configurações padrão; a cópia está em ${backupPath}.`,
    });
  }
}

const isServerAccessIssue = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'custom' && (issue.params as { rule?: string } | undefined)?.rule === 'server-access';

const isPoolOrderIssue = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'custom' && (issue.params as { rule?: string } | undefined)?.rule === 'pool-order';

/** An earlier copy of a bad settings file with exactly this content, if there is one. */
const sameBackup = (filePath: string, content: string): string | undefined => {
  const prefix = `${basename(filePath)}.invalido-`;
  const folder = dirname(filePath);
  return readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .map((name) => join(folder, name))
    .find((path) => readFileSync(path, 'utf8') === content);
};

/** The top-level keys of a settings file (an import must have at least one besides schemaVersion). */
const SETTINGS_KEYS: Record<string, unknown> = SettingsObject.shape;

const timestamp = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects merge field by field; arrays and plain values in the patch replace what was there. */
export const mergeDeep = (
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> => {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    result[key] = isPlainObject(value) && isPlainObject(base[key]) ? mergeDeep(base[key], value) : value;
  }
  return result;
};

const secretLabel = (path: string): string => {
  if (path.endsWith('store.token')) return `Token da loja da filial ${path.split('.')[1]}`;
  if (path.endsWith('email.password')) return `Senha do e-mail da filial ${path.split('.')[1]}`;
  if (path === 'database.oracle.password') return 'Senha do banco Oracle';
  return 'Senha de acesso pelo navegador';
};

/** A mask sent with a changed target: the stored secret stays with the old target. */
const retargetedSecretMessage = (path: string): { message: string; fix: string } => {
  if (path.endsWith('store.token')) {
    return {
      message: `${secretLabel(path)}: a URL da loja mudou e o token guardado só é enviado à URL salva; digite o token novamente.`,
      fix: 'Ao mudar a URL da loja, digite o token novamente e salve.',
    };
  }
  if (path.endsWith('email.password')) {
    return {
      message: `${secretLabel(path)}: o servidor SMTP ou o usuário mudou e a senha guardada só é enviada ao servidor salvo; digite a senha novamente.`,
      fix: 'Ao mudar o servidor SMTP ou o usuário do e-mail, digite a senha novamente e salve.',
    };
  }
  return {
    message: `${secretLabel(path)}: o servidor (connect string) ou o usuário mudou e a senha guardada só é enviada ao banco salvo; digite a senha novamente.`,
    fix: 'Ao mudar o servidor ou o usuário do banco, digite a senha novamente e salve.',
  };
};

export const maskSecrets = (settings: Settings): Settings =>
  mapSecrets(settings, (value) => (value ? SECRET_MASK : ''));

type Listener = (settings: Settings) => void;

export class SettingsService {
  private current: Settings;
  private readonly store: ConfLike;
  private readonly listeners = new Set<Listener>();
  /** Extra checks of the next settings, from the hosts (e.g. the web server while it listens off loopback). */
  private readonly checks = new Set<(next: Settings) => AppError | undefined>();
  /** Secrets found in the file that this host could not decrypt: written back as they were until replaced. */
  private readonly undecryptable = new Map<string, string>();

  constructor(private readonly options: SettingsServiceOptions) {
    const fromFile = this.readExistingFile();
    this.store = options.openStore();
    if (!fromFile) {
      this.current = defaultSettings();
      this.persist();
      return;
    }
    this.current = this.decryptAll(fromFile.settings);
    if (fromFile.needsRewrite) this.persist();
  }

  get path(): string {
    return this.store.path;
  }

  /** Settings with secrets in clear: for the engine only, never for a transport. */
  get(): Settings {
    return this.current;
  }

  getMasked(): Settings {
    return maskSecrets(this.current);
  }

  /** Applies a change: any subset of fields (objects merge, arrays are replaced whole). */
  update(patch: SettingsPatch): Settings {
    // Merged over the masked settings: a secret the patch leaves out counts as the mask, so it too stays
    // only with its own target (a patch changing just a URL or connect string does not take the secret).
    const merged = Settings.safeParse(
      mergeDeep(this.getMasked() as unknown as Record<string, unknown>, patch as Record<string, unknown>),
    );
    if (!merged.success) {
      const { message, field } = describeValidationError(merged.error);
      throw new AppError('invalid_settings', message, field ? { field } : {});
    }
    this.commit(this.keepMaskedSecrets(merged.data, 'refuse'));
    return this.getMasked();
  }

  export(): { fileName: string; content: string } {
    const now = this.options.now?.() ?? new Date();
    return {
      fileName: `integrador-winthor-ciashop-${timestamp(now)}.json`,
      content: `${JSON.stringify(this.getMasked(), null, 2)}\n`,
    };
  }

  /** Imports an exported file (fileName only names it in the messages); a refused file changes nothing. */
  import(content: string, fileName?: string): Settings {
    const label = fileName ? `Arquivo "${fileName}"` : 'Arquivo';
    const fix = 'Escolha um arquivo gerado por "Exportar configurações".';
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      throw new AppError('invalid_settings_file', `${label}: o conteúdo não é um JSON válido.`, {
        field: 'content',
        fix,
      });
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new AppError('invalid_settings_file', `${label}: não contém um objeto de configurações.`, {
        field: 'content',
        fix,
      });
    }
    // Any other JSON object would otherwise become version 0 and import as the defaults, wiping everything.
    const record = raw as Record<string, unknown>;
    const hasKnownSection = Object.keys(record).some(
      (key) => key !== 'schemaVersion' && key in SETTINGS_KEYS,
    );
    if (typeof record.schemaVersion !== 'number' || !hasKnownSection) {
      throw new AppError(
        'invalid_settings_file',
        `${label}: não é um arquivo de configurações do integrador (${
          typeof record.schemaVersion !== 'number'
            ? 'falta o campo numérico "schemaVersion"'
            : 'não há nenhuma seção de configurações conhecida'
        }). Nada foi alterado.`,
        { field: 'content', fix },
      );
    }
    let migrated: Record<string, unknown>;
    try {
      migrated = migrateSettings(record).value;
    } catch (error) {
      throw new AppError('invalid_settings_file', `${label}: ${(error as Error).message}.`, {
        field: 'content',
      });
    }
    // On import an empty login password means "keep the stored one": let the schema's check see it.
    const server = migrated.server;
    if (
      isPlainObject(server) &&
      (server.loginPassword === undefined || server.loginPassword === '') &&
      (this.current.server.loginPassword !== '' || this.undecryptable.has('server.loginPassword'))
    ) {
      migrated = { ...migrated, server: { ...server, loginPassword: SECRET_MASK } };
    }
    const parsed = Settings.safeParse(migrated);
    if (!parsed.success) {
      const { message } = describeValidationError(parsed.error);
      throw new AppError('invalid_settings_file', `${label}: configurações inválidas. ${message}`, {
        field: 'content',
      });
    }
    // A file never clears a secret: masked, empty or missing secrets keep the values stored here.
    this.commit(this.keepMaskedSecrets(parsed.data, 'keep-empty'));
    return this.getMasked();
  }

  /** Adds a check every update and import must pass (it returns the error to refuse with); returns its removal. */
  addCheck(check: (next: Settings) => AppError | undefined): () => void {
    this.checks.add(check);
    return () => this.checks.delete(check);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The UI sends SECRET_MASK for "keep the stored secret". A mask keeps the stored value only while the
   * secret's target (store URL, SMTP host and user, Oracle connect string and user) is the same: a stored
   * secret never follows a changed target. A mask with nothing stored under that path (a branch whose code
   * changed, say) or with a changed target is refused rather than silently turned into an empty secret.
   * On import, an empty secret also means "keep", and what cannot be kept becomes empty (never refused).
   * An encrypted value (a raw settings.json) is decrypted if this host can; otherwise it counts as a mask.
   * Returns the settings and the paths whose target changed (their undecryptable leftovers must go).
   */
  private keepMaskedSecrets(
    incoming: Settings,
    mode: 'refuse' | 'keep-empty',
  ): { settings: Settings; retargeted: Set<string> } {
    const stored = listSecrets(this.current);
    const before = secretTargets(this.current);
    const after = secretTargets(incoming);
    const retargeted = new Set<string>();
    const settings = mapSecrets(incoming, (value, path) => {
      const targetChanged = before.get(path) !== after.get(path);
      if (targetChanged) retargeted.add(path);
      let keep = value === SECRET_MASK || (mode === 'keep-empty' && value === '');
      if (!keep && isEncrypted(value)) {
        const plain = this.tryDecrypt(value);
        if (plain !== undefined) return plain;
        keep = true;
      }
      if (!keep) return value;
      const kept = stored.get(path) || this.undecryptable.get(path);
      if (kept === undefined || kept === '') {
        if (mode === 'keep-empty') return '';
        throw new AppError(
          'secret_missing',
          `${secretLabel(path)}: não há valor guardado; digite-o novamente.`,
          {
            field: path,
            fix: 'O código da filial mudou ou o segredo nunca foi salvo: informe a senha ou o token outra vez e salve.',
          },
        );
      }
      if (targetChanged) {
        if (mode === 'keep-empty') return '';
        const { message, fix } = retargetedSecretMessage(path);
        throw new AppError('secret_missing', message, { field: path, fix });
      }
      return stored.get(path) ?? '';
    });
    return { settings, retargeted };
  }

  /** Applies resolved settings: a secret whose target changed loses its undecryptable leftover too. */
  private commit(resolved: { settings: Settings; retargeted: Set<string> }): void {
    const issue = serverAccessIssue(resolved.settings);
    if (issue) {
      throw new AppError('invalid_settings', `Dados inválidos — ${SERVER_ACCESS_FIELD}: ${issue}`, {
        field: SERVER_ACCESS_FIELD,
      });
    }
    for (const check of this.checks) {
      const refused = check(resolved.settings);
      if (refused) throw refused;
    }
    for (const path of resolved.retargeted) this.undecryptable.delete(path);
    this.current = resolved.settings;
    this.persist();
  }

  private tryDecrypt(value: string): string | undefined {
    const id = value.split(':')[1];
    const cipher = [this.options.cipher, ...(this.options.readers ?? [])].find(
      (candidate) => candidate.id === id,
    );
    if (!cipher) return undefined;
    try {
      return cipher.decrypt(value);
    } catch {
      return undefined;
    }
  }

  private persist(): void {
    const encrypted = mapSecrets(this.current, (value, path) => {
      if (value) {
        this.undecryptable.delete(path);
        return this.options.cipher.encrypt(value);
      }
      return this.undecryptable.get(path) ?? '';
    });
    this.store.store = encrypted as unknown as Record<string, unknown>;
    for (const listener of this.listeners) listener(this.current);
  }

  private decryptAll(settings: Settings): Settings {
    const ciphers = [this.options.cipher, ...(this.options.readers ?? [])];
    return mapSecrets(settings, (value, path) => {
      if (!value || !isEncrypted(value)) return value;
      const id = value.split(':')[1];
      const cipher = ciphers.find((candidate) => candidate.id === id);
      try {
        if (!cipher) throw new Error(`cifra "${id}" indisponível neste modo de execução`);
        return cipher.decrypt(value);
      } catch (error) {
        this.options.onWarning?.(
          `O segredo ${path} não pôde ser decifrado (${(error as Error).message}); informe-o novamente em Configuração.`,
        );
        this.undecryptable.set(path, value);
        return '';
      }
    });
  }

  /** Reads and checks the file before the store opens it, so a bad file is reported, backed up and kept. */
  private readExistingFile(): { settings: Settings; needsRewrite: boolean } | undefined {
    const { filePath } = this.options;
    if (!existsSync(filePath)) return undefined;
    const text = readFileSync(filePath, 'utf8');
    const fail = (reason: string): never => {
      // One copy per bad content: a service restarting in a loop must not fill the folder with copies.
      let backupPath = sameBackup(filePath, text);
      if (!backupPath) {
        const stem = `${filePath}.invalido-${timestamp(this.options.now?.() ?? new Date())}`;
        backupPath = `${stem}.bak`;
        for (let n = 2; existsSync(backupPath); n += 1) backupPath = `${stem}-${n}.bak`;
        copyFileSync(filePath, backupPath);
      }
      throw new SettingsFileError(
        `O arquivo de configurações ${filePath} está inválido: ${reason}. Nada foi apagado; uma cópia foi salva em ${backupPath}.`,
        backupPath,
      );
    };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return fail(`não é um JSON válido (${(error as Error).message})`);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('não contém um objeto JSON');
    let migrated: { value: Record<string, unknown>; fromVersion: number };
    try {
      migrated = migrateSettings(raw as Record<string, unknown>);
    } catch (error) {
      return fail((error as Error).message);
    }
    let parsed = Settings.safeParse(migrated.value);
    let forceRewrite = false;
    if (!parsed.success && parsed.error.issues.every(isServerAccessIssue)) {
      // Saved before the check existed: load it (the web server refuses to start off loopback) and say so.
      this.options.onWarning?.(
        `${SERVER_ACCESS_FIELD}: ${parsed.error.issues[0]?.message ?? ''} Corrija em Configuração → Servidor web.`,
      );
      parsed = SettingsObject.safeParse(migrated.value);
    }
    if (!parsed.success && parsed.error.issues.every(isPoolOrderIssue)) {
      // Saved before min ≤ max was checked: the pool cannot open like that, so the minimum comes down.
      const oracle = (migrated.value.database as { oracle: { poolMin: number; poolMax: number } }).oracle;
      this.options.onWarning?.(
        `Conexões mínimas (${oracle.poolMin}) era maior que Conexões máximas (${oracle.poolMax}); ajustada para ${oracle.poolMax}. Confira em Banco de dados.`,
      );
      oracle.poolMin = oracle.poolMax;
      parsed = Settings.safeParse(migrated.value);
      forceRewrite = true;
    }
    if (!parsed.success) return fail(describeValidationError(parsed.error as z.ZodError).message);
    const hasPlainSecret = [...listSecrets(parsed.data).values()].some(
      (value) => value && !isEncrypted(value),
    );
    return {
      settings: parsed.data,
      needsRewrite: migrated.fromVersion !== parsed.data.schemaVersion || hasPlainSecret || forceRewrite,
    };
  }
}
