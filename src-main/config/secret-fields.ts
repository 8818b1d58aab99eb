import type { Settings } from '../contract';
import { normaliseStoreUrl } from '../ciashop/store-url';

/**
 * The secrets inside the settings, by path. Everything that reads, masks, encrypts or exports settings
 * goes through mapSecrets, so a new secret needs one line here.
 */
export const mapSecrets = (
  settings: Settings,
  transform: (value: string, path: string) => string,
): Settings => ({
  ...settings,
  server: {
    ...settings.server,
    loginPassword: transform(settings.server.loginPassword, 'server.loginPassword'),
  },
  database: {
    ...settings.database,
    oracle: {
      ...settings.database.oracle,
      password: transform(settings.database.oracle.password, 'database.oracle.password'),
    },
  },
  branches: settings.branches.map((branch) => ({
    ...branch,
    store: { ...branch.store, token: transform(branch.store.token, `branches.${branch.code}.store.token`) },
    email: {
      ...branch.email,
      password: transform(branch.email.password, `branches.${branch.code}.email.password`),
    },
  })),
});

export const listSecrets = (settings: Settings): Map<string, string> => {
  const found = new Map<string, string>();
  mapSecrets(settings, (value, path) => {
    found.set(path, value);
    return value;
  });
  return found;
};

const storeTarget = (url: string): string => {
  try {
    return normaliseStoreUrl(url);
  } catch {
    return url.trim();
  }
};

/**
 * Where each secret is sent, by path (ADR 0002: a stored secret only ever goes where it was saved for).
 * A secret without an entry (the browser login password) has no target. A masked secret keeps the stored
 * value only while its target is the same.
 */
export const secretTargets = (settings: Settings): Map<string, string> => {
  const oracle = settings.database.oracle;
  const targets = new Map<string, string>([
    ['database.oracle.password', `${oracle.connectString.trim()}\n${oracle.user.trim().toUpperCase()}`],
  ]);
  for (const branch of settings.branches) {
    targets.set(`branches.${branch.code}.store.token`, storeTarget(branch.store.url));
    targets.set(
      `branches.${branch.code}.email.password`,
      `${branch.email.host.trim().toLowerCase()}\n${branch.email.user.trim()}`,
    );
  }
  return targets;
};
