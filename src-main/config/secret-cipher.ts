import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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

/**
 * Headless hosts: AES-256-GCM with a random key kept in a file only its owner can read (0600). On Windows
 * the file inherits the ACL of the service account's profile folder, which only that account can read.
 */
export class KeyFileCipher implements SecretCipher {
  readonly id = 'aes';
  private readonly key: Buffer;

  constructor(keyFile: string) {
    this.key = KeyFileCipher.loadOrCreateKey(keyFile);
  }

  private static loadOrCreateKey(keyFile: string): Buffer {
    if (existsSync(keyFile)) {
      const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
      if (key.length !== 32) {
        throw new Error(
          `O arquivo de chave ${keyFile} está corrompido. Restaure-o de um backup ou apague-o e informe as senhas novamente.`,
        );
      }
      return key;
    }
    mkdirSync(dirname(keyFile), { recursive: true });
    const key = randomBytes(32);
    writeFileSync(keyFile, key.toString('hex'), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
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
