import { normaliseStoreUrl } from '../shared/store-url';
import type { Branch, Settings } from './settings-schema';

/*
 * Where each stored secret is sent — its target (ADR 0002, ADR 0008). A stored secret only ever goes to
 * the target it was saved for: the settings keep a masked secret only while its target is unchanged, and
 * "Testar conexão" uses a stored secret only with its stored target. Two targets are the same exactly when
 * these strings are equal; every place that asks uses these functions, never its own comparison.
 */

/** A store token goes to the store's API root (the URL as typed when it does not normalise). */
export const storeTokenTarget = (url: string): string => {
  try {
    return normaliseStoreUrl(url);
  } catch {
    return url.trim();
  }
};

/** The Oracle password goes to a server (connect string) as a user (unquoted Oracle names ignore case). */
export const oraclePasswordTarget = (
  oracle: Pick<Settings['database']['oracle'], 'connectString' | 'user'>,
): string => `${oracle.connectString.trim()}\n${oracle.user.trim().toUpperCase()}`;

/** An e-mail password goes to an SMTP server (host names ignore case) as a user. */
export const smtpPasswordTarget = (email: Pick<Branch['email'], 'host' | 'user'>): string =>
  `${email.host.trim().toLowerCase()}\n${email.user.trim()}`;

/**
 * The target of each secret in the settings, by the path config/secret-fields.ts gives it. A secret
 * without an entry (the browser login password) is never sent anywhere, so it has no target.
 */
export const secretTargets = (settings: Settings): Map<string, string> => {
  const targets = new Map<string, string>([
    ['database.oracle.password', oraclePasswordTarget(settings.database.oracle)],
  ]);
  for (const branch of settings.branches) {
    targets.set(`branches.${branch.code}.store.token`, storeTokenTarget(branch.store.url));
    targets.set(`branches.${branch.code}.email.password`, smtpPasswordTarget(branch.email));
  }
  return targets;
};
