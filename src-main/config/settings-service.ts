import {
  SERVER_ACCESS_FIELD,
  Settings,
  defaultSettings,
  serverAccessIssue,
  type SettingsPatch,
} from '../contract';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { AppError } from '../shared/app-error';
import { explainAccessDenied } from './data-dir';
import { describeValidationError } from '../shared/validation-message';
import { mergeDeep } from './merge-deep';
import type { SecretCipher } from './secret-cipher';
import { keepMaskedSecrets, maskSecrets, type ResolvedSecrets } from './secret-merge';
import { SettingsCiphers } from './settings-ciphers';
import { backUpBeforeMigration, fileTimestamp, readSettingsFile } from './settings-file';
import { parseSettingsImport } from './settings-import';

export { mergeDeep } from './merge-deep';
export { maskSecrets } from './secret-merge';
export { SettingsFileError, SettingsFromNewerVersionError } from './settings-file';

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
  /** Problems a person should know about that stop nothing (a secret not decrypted, a listener failing). */
  onWarning?: (message: string) => void;
  now?: () => Date;
}

type Listener = (settings: Settings) => void;

/**
 * The settings of one host: loaded and checked from the file (settings-file.ts), secrets encrypted at rest
 * (settings-ciphers.ts) and kept with their targets (secret-merge.ts), changed by update() and import()
 * (settings-import.ts), every change saved and then announced to the listeners.
 */
export class SettingsService {
  private current: Settings;
  private readonly store: ConfLike;
  private readonly ciphers: SettingsCiphers;
  private readonly listeners = new Set<Listener>();
  /** Extra checks of the next settings, from the hosts (e.g. the web server while it listens off loopback). */
  private readonly checks = new Set<(next: Settings) => AppError | undefined>();

  constructor(private readonly options: SettingsServiceOptions) {
    this.ciphers = new SettingsCiphers(options.cipher, options.readers, options.onWarning);
    const fromFile = readSettingsFile(options.filePath, {
      ...(options.now ? { now: options.now } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
    this.store = options.openStore();
    if (!fromFile) {
      this.current = defaultSettings();
      this.persist();
      return;
    }
    this.current = this.ciphers.decryptAll(fromFile.settings);
    // An upgrade that migrates the file keeps the file as it was, beside it (ADR 0309).
    if (fromFile.fromVersion !== fromFile.settings.schemaVersion) {
      const backup = backUpBeforeMigration(
        options.filePath,
        fromFile.fromVersion,
        options.now?.() ?? new Date(),
      );
      options.onWarning?.(
        `Configurações atualizadas do formato ${fromFile.fromVersion} para o ${fromFile.settings.schemaVersion}; o arquivo anterior foi guardado em ${backup}.`,
      );
    }
    // Secrets another host's cipher wrote (a desktop file's DPAPI secrets, ADR 0308) are re-encrypted with
    // this host's, so the file opens the same way from then on.
    if (fromFile.needsRewrite || this.ciphers.openedByReader > 0) this.persist();
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
      { reportInput: true },
    );
    if (!merged.success) {
      const { message, field, issues } = describeValidationError(merged.error);
      throw new AppError('invalid_settings', message, { ...(field ? { field } : {}), issues });
    }
    this.commit(keepMaskedSecrets(this.current, merged.data, 'refuse', this.ciphers));
    return this.getMasked();
  }

  export(): { fileName: string; content: string } {
    const now = this.options.now?.() ?? new Date();
    return {
      fileName: `integrador-winthor-ciashop-${fileTimestamp(now)}.json`,
      content: `${JSON.stringify(this.getMasked(), null, 2)}\n`,
    };
  }

  /** Imports an exported file (fileName only names it in the messages); a refused file changes nothing. */
  import(content: string, fileName?: string): Settings {
    const incoming = parseSettingsImport(content, {
      fileName,
      hasLoginPassword:
        this.current.server.loginPassword !== '' || this.ciphers.undecryptable.has('server.loginPassword'),
    });
    // A file never clears a secret: masked, empty or missing secrets keep the values stored here.
    this.commit(keepMaskedSecrets(this.current, incoming, 'keep-empty', this.ciphers));
    return this.getMasked();
  }

  /** Adds a check every update and import must pass (it returns the error to refuse with); returns its removal. */
  addCheck(check: (next: Settings) => AppError | undefined): () => void {
    this.checks.add(check);
    return () => this.checks.delete(check);
  }

  /** Called after every saved change. A listener that throws is reported; the change stays saved. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies resolved settings: a secret whose target changed loses its undecryptable leftover too. */
  private commit(resolved: ResolvedSecrets): void {
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
    for (const path of resolved.retargeted) this.ciphers.undecryptable.delete(path);
    this.current = resolved.settings;
    this.persist();
  }

  private persist(): void {
    try {
      this.store.store = this.ciphers.encryptAll(this.current) as unknown as Record<string, unknown>;
    } catch (error) {
      throw explainAccessDenied(
        error,
        this.options.filePath,
        dirname(this.options.filePath),
        userInfo().username,
      );
    }
    this.notify();
  }

  /** The change is saved: a listener failing does not undo it nor stop the other listeners. */
  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener(this.current);
      } catch (error) {
        (this.options.onWarning ?? ((message: string) => process.emitWarning(message)))(
          `As configurações foram salvas, mas uma parte do integrador não conseguiu aplicar a mudança (${
            (error as Error)?.message ?? String(error)
          }). Reinicie o integrador para que ela passe a valer em tudo.`,
        );
      }
    }
  }
}
