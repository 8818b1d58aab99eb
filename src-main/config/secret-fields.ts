import type { Settings } from '../contract';

/**
 * The secrets inside the settings, by path. Everything that reads, masks, encrypts or exports settings
 * goes through mapSecrets, so a new secret needs one line here (and, if it is sent somewhere, its target in
 * contract/secret-targets.ts).
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
