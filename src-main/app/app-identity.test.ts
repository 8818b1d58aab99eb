import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from './app-identity';

const builderConfig = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');

describe('app identity', () => {
  it('matches electron-builder.yml (Windows notifications need the same AppUserModelId)', () => {
    expect(builderConfig).toMatch(new RegExp(`^appId: ${APP_ID.replace(/\./g, '\\.')}(\\s|$)`, 'm'));
    expect(builderConfig).toMatch(new RegExp(`^productName: ${PRODUCT_NAME}$`, 'm'));
  });

  it('ships the tray icons and the CLI wrapper the code refers to', () => {
    for (const name of ['tray', 'tray-paused', 'tray-error']) {
      expect(() => readFileSync(new URL(`../../assets/${name}.png`, import.meta.url))).not.toThrow();
      expect(() => readFileSync(new URL(`../../assets/${name}@2x.png`, import.meta.url))).not.toThrow();
    }
    expect(builderConfig).toContain('assets/**');
    expect(builderConfig).toContain('from: scripts/windows/integrador-cli.cmd');
  });
});
