import type { Settings } from '../contract';
import { isEncrypted, type SecretCipher } from './secret-cipher';
import { mapSecrets } from './secret-fields';

/**
 * The secrets of the settings at rest: encrypted with this host's cipher, decrypted with it or with a reader
 * (another host's cipher). A secret this host cannot decrypt is kept as it was in the file and written back
 * unchanged until it is replaced, or dropped when its target changes.
 */
export class SettingsCiphers {
  /** Encrypted values this host could not decrypt, by secret path. */
  readonly undecryptable = new Map<string, string>();
  /** Secrets of the last decryptAll that a reader (not this host's cipher) opened: to re-encrypt. */
  openedByReader = 0;

  constructor(
    private readonly cipher: SecretCipher,
    private readonly readers: SecretCipher[] = [],
    private readonly onWarning?: (message: string) => void,
  ) {}

  /** The clear value of an encrypted secret, or undefined when no cipher here can open it. */
  tryDecrypt(value: string): string | undefined {
    const id = value.split(':')[1];
    const cipher = [this.cipher, ...this.readers].find((candidate) => candidate.id === id);
    if (!cipher) return undefined;
    try {
      return cipher.decrypt(value);
    } catch {
      return undefined;
    }
  }

  /** Settings as read from the file, secrets in clear; what cannot be decrypted becomes '' with a warning. */
  decryptAll(settings: Settings): Settings {
    const ciphers = [this.cipher, ...this.readers];
    this.openedByReader = 0;
    return mapSecrets(settings, (value, path) => {
      if (!value || !isEncrypted(value)) return value;
      const id = value.split(':')[1];
      const cipher = ciphers.find((candidate) => candidate.id === id);
      try {
        if (!cipher) throw new Error(`cifra "${id}" indisponível neste modo de execução`);
        const clear = cipher.decrypt(value);
        if (cipher !== this.cipher) this.openedByReader += 1;
        return clear;
      } catch (error) {
        this.onWarning?.(
          `O segredo ${path} não pôde ser decifrado (${(error as Error).message}); informe-o novamente em Configuração.`,
        );
        this.undecryptable.set(path, value);
        return '';
      }
    });
  }

  /** Settings as written to the file: every secret encrypted; an empty one keeps its undecryptable value. */
  encryptAll(settings: Settings): Settings {
    return mapSecrets(settings, (value, path) => {
      if (value) {
        this.undecryptable.delete(path);
        return this.cipher.encrypt(value);
      }
      return this.undecryptable.get(path) ?? '';
    });
  }
}
