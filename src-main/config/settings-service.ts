import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { SECRET_MASK, Settings, defaultSettings, type SettingsPatch } from '../api/contract';
import { AppError } from '../api/app-error';
import { describeValidationError } from '../api/validation-message';
import { migrateSettings } from './migrations';
import { isEncrypted, type SecretCipher } from './secret-cipher';
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
      status: 500,
    });
  }
}

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

export const maskSecrets = (settings: Settings): Settings =>
  mapSecrets(settings, (value) => (value ? SECRET_MASK : ''));

type Listener = (settings: Settings) => void;

export class SettingsService {
  private current: Settings;
  private readonly store: ConfLike;
  private readonly listeners = new Set<Listener>();
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
    const merged = Settings.safeParse(
      mergeDeep(this.current as unknown as Record<string, unknown>, patch as Record<string, unknown>),
    );
    if (!merged.success) {
      const { message, field } = describeValidationError(merged.error);
      throw new AppError('invalid_settings', message, field ? { field } : {});
    }
    this.current = this.keepMaskedSecrets(merged.data, 'refuse');
    this.persist();
    return this.getMasked();
  }

  export(): { fileName: string; content: string } {
    const now = this.options.now?.() ?? new Date();
    return {
      fileName: `integrador-winthor-ciashop-${timestamp(now)}.json`,
      content: `${JSON.stringify(this.getMasked(), null, 2)}\n`,
    };
  }

  import(content: string): Settings {
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      throw new AppError('invalid_settings_file', 'Arquivo: o conteúdo não é um JSON válido.', {
        field: 'content',
        fix: 'Escolha um arquivo gerado por "Exportar configurações".',
      });
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new AppError('invalid_settings_file', 'Arquivo: não contém um objeto de configurações.', {
        field: 'content',
      });
    }
    let migrated: Record<string, unknown>;
    try {
      migrated = migrateSettings(raw as Record<string, unknown>).value;
    } catch (error) {
      throw new AppError('invalid_settings_file', `Arquivo: ${(error as Error).message}.`, {
        field: 'content',
      });
    }
    const parsed = Settings.safeParse(migrated);
    if (!parsed.success) {
      const { message } = describeValidationError(parsed.error);
      throw new AppError('invalid_settings_file', `Arquivo de configurações inválido. ${message}`, {
        field: 'content',
      });
    }
    // A file never clears a secret: masked, empty or missing secrets keep the values stored here.
    this.current = this.keepMaskedSecrets(parsed.data, 'keep-empty');
    this.persist();
    return this.getMasked();
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The UI sends SECRET_MASK for "keep the stored secret". A mask with nothing stored under that path (a
   * branch whose code changed, say) is refused rather than silently turned into an empty secret.
   * On import, an empty secret also means "keep".
   */
  private keepMaskedSecrets(incoming: Settings, mode: 'refuse' | 'keep-empty'): Settings {
    const stored = listSecrets(this.current);
    return mapSecrets(incoming, (value, path) => {
      if (mode === 'keep-empty' && value === '') return stored.get(path) ?? '';
      if (value !== SECRET_MASK) return value;
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
      return stored.get(path) ?? '';
    });
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
      const backupPath = `${filePath}.invalido-${timestamp(this.options.now?.() ?? new Date())}.bak`;
      copyFileSync(filePath, backupPath);
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
    const parsed = Settings.safeParse(migrated.value);
    if (!parsed.success) return fail(describeValidationError(parsed.error as z.ZodError).message);
    const hasPlainSecret = [...listSecrets(parsed.data).values()].some(
      (value) => value && !isEncrypted(value),
    );
    return {
      settings: parsed.data,
      needsRewrite: migrated.fromVersion !== parsed.data.schemaVersion || hasPlainSecret,
    };
  }
}
