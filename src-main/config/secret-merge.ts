import { SECRET_MASK, type Settings } from '../contract';
import { AppError } from '../shared/app-error';
import { isEncrypted } from './secret-cipher';
import { secretTargets } from '../contract/secret-targets';
import { listSecrets, mapSecrets } from './secret-fields';
import type { SettingsCiphers } from './settings-ciphers';

export const maskSecrets = (settings: Settings): Settings =>
  mapSecrets(settings, (value) => (value ? SECRET_MASK : ''));

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

/** Incoming settings with their secrets resolved, and the paths whose target changed. */
export interface ResolvedSecrets {
  settings: Settings;
  /** Their undecryptable leftovers must go. */
  retargeted: Set<string>;
}

/**
 * The UI sends SECRET_MASK for "keep the stored secret". A mask keeps the stored value only while the
 * secret's target (store URL, SMTP host and user, Oracle connect string and user) is the same: a stored
 * secret never follows a changed target. A mask with nothing stored under that path (a branch whose code
 * changed, say) or with a changed target is refused rather than silently turned into an empty secret.
 * On import ('keep-empty'), an empty secret also means "keep", and what cannot be kept becomes empty (never
 * refused). An encrypted value (a raw settings.json) is decrypted if this host can; otherwise it counts as a
 * mask.
 */
export const keepMaskedSecrets = (
  current: Settings,
  incoming: Settings,
  mode: 'refuse' | 'keep-empty',
  ciphers: SettingsCiphers,
): ResolvedSecrets => {
  const stored = listSecrets(current);
  const before = secretTargets(current);
  const after = secretTargets(incoming);
  const retargeted = new Set<string>();
  const settings = mapSecrets(incoming, (value, path) => {
    const targetChanged = before.get(path) !== after.get(path);
    if (targetChanged) retargeted.add(path);
    let keep = value === SECRET_MASK || (mode === 'keep-empty' && value === '');
    if (!keep && isEncrypted(value)) {
      const plain = ciphers.tryDecrypt(value);
      if (plain !== undefined) return plain;
      keep = true;
    }
    if (!keep) return value;
    const kept = stored.get(path) || ciphers.undecryptable.get(path);
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
};
