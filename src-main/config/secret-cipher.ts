import { execFileSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { explainAccessDenied } from './data-dir';

/**
 * Encrypts secrets (database password, store tokens, SMTP password) before they reach the settings file.
 * Every stored secret starts with `enc:<cipher id>:` so the reader knows which cipher wrote it.
 */
export interface SecretCipher {
  readonly id: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export const ENCRYPTED_PREFIX = 'enc:';

export const isEncrypted = (value: string): boolean => value.startsWith(ENCRYPTED_PREFIX);

export interface KeyFileOptions {
  /** Default: this machine's. */
  platform?: NodeJS.Platform;
  /** Runs a command (icacls on Windows); default execFileSync. */
  run?: (command: string, args: string[]) => void;
  onWarning?: (message: string) => void;
}

/**
 * Leaves the key file readable by its owner only. POSIX: mode 0600. Windows: chmod only toggles the
 * read-only flag and a file under %ProgramData% inherits read access for the Users group, so the
 * inherited rights are removed and full control is granted to this account, SYSTEM (S-1-5-18) and
 * Administrators (S-1-5-32-544) only (icacls; Windows behaviour by its documentation, not run here).
 */
export const restrictToOwner = (file: string, options: KeyFileOptions = {}): void => {
  const platform = options.platform ?? process.platform;
  const run =
    options.run ??
    ((command: string, args: string[]) => {
      execFileSync(command, args, { stdio: 'ignore', windowsHide: true });
    });
  try {
    if (platform !== 'win32') {
      chmodSync(file, 0o600);
      return;
    }
    run('icacls', [
      file,
      '/inheritance:r',
      '/grant:r',
      `${userInfo().username}:F`,
      '*S-1-5-18:F',
      '*S-1-5-32-544:F',
    ]);
  } catch (error) {
    options.onWarning?.(
      `Não foi possível restringir o acesso ao arquivo de chave ${file} (${(error as Error).message}); ` +
        'deixe-o legível só pela conta do integrador e pelos administradores, ou outros usuários desta máquina poderão ler as senhas.',
    );
  }
};

/**
 * Headless hosts: AES-256-GCM with a random key kept in a file only its owner can read (restrictToOwner,
 * applied when the key is created and again at every start, so an older install is corrected too).
 */
export class KeyFileCipher implements SecretCipher {
  readonly id = 'aes';
  private readonly key: Buffer;

  constructor(keyFile: string, options: KeyFileOptions = {}) {
    try {
      this.key = KeyFileCipher.loadOrCreateKey(keyFile, options);
    } catch (error) {
      throw explainAccessDenied(error, keyFile, dirname(keyFile), userInfo().username);
    }
  }

  private static loadOrCreateKey(keyFile: string, options: KeyFileOptions): Buffer {
    if (existsSync(keyFile)) {
      const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
      if (key.length !== 32) {
        throw new Error(
          `O arquivo de chave ${keyFile} está corrompido. Restaure-o de um backup ou apague-o e informe as senhas novamente.`,
        );
      }
      restrictToOwner(keyFile, options);
      return key;
    }
    mkdirSync(dirname(keyFile), { recursive: true });
    const key = randomBytes(32);
    writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
    restrictToOwner(keyFile, options);
    return key;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${ENCRYPTED_PREFIX}${this.id}:${iv.toString('base64')}:${tag.toString('base64')}:${body.toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [, id, iv, tag, body] = stored.split(':');
    if (id !== this.id || !iv || !tag || body === undefined) {
      throw new Error(`segredo cifrado por outro mecanismo (${id ?? '?'})`);
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}
