import { describe, expect, it } from 'vitest';
import { Branch, defaultSettings } from '../contract';
import { secretTargets } from '../contract/secret-targets';
import { listSecrets } from './secret-fields';

describe('secret fields and secret targets', () => {
  it('name the same paths: every secret but the login password has a target, and no target lacks a secret', () => {
    const settings = defaultSettings();
    settings.branches = [Branch.parse({ code: '1' }), Branch.parse({ code: '22' })];
    const secrets = [...listSecrets(settings).keys()].filter((path) => path !== 'server.loginPassword');
    expect([...secretTargets(settings).keys()].sort()).toEqual(secrets.sort());
    expect(secrets).toHaveLength(5);
  });
});
