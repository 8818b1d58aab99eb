import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from './app-identity';

const builderConfig = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  productName: string;
};

describe('app identity', () => {
  it('matches electron-builder.yml (Windows notifications need the same AppUserModelId) and package.json', () => {
    expect(builderConfig).toMatch(new RegExp(`^appId: ${APP_ID.replace(/\./g, '\\.')}(\\s|$)`, 'm'));
    // electron-builder takes the product name from package.json when the yml does not set one.
    expect(builderConfig).not.toMatch(/^productName:/m);
    expect(pkg.productName).toBe(PRODUCT_NAME);
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
