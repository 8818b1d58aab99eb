// The packaging check (ADR 0305): electron-builder builds the unpacked Windows app here, with a stand-in
// Electron distribution (scripts/package-windows-dir.mjs), and this test reads what it produced.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Asar from '@electron/asar';
import { APP_ID, PRODUCT_NAME } from '../src-main/app/app-identity';
import { CLI_IN_INSTALL_DIR, EXECUTABLE_NAME } from '../src-main/cli/windows-service';
import { PACKAGED_NODE_MODULES } from './native-modules.mjs';
import { asarEntries, asarIntegrityOf, exeResources } from './packaging-inspect.test-support';
import { packageWindowsDir } from './package-windows-dir.mjs';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as typeof Asar;
const yaml = require('js-yaml') as { load(text: string): unknown };

const repo = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', repo), 'utf8')) as {
  name: string;
  productName: string;
  version: string;
  main: string;
  devDependencies: Record<string, string>;
};
const builderConfig = yaml.load(readFileSync(new URL('electron-builder.yml', repo), 'utf8')) as {
  appId: string;
  productName?: string;
  win: { executableName: string; target: Array<{ target: string; arch: string[] }> };
  nsis: Record<string, unknown>;
};

const workDir = mkdtempSync(join(tmpdir(), 'wtc-packaging-'));
let built: ReturnType<typeof packageWindowsDir>;
let entries: string[];

beforeAll(() => {
  built = packageWindowsDir(workDir);
  entries = asarEntries(built.asar);
}, 300_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('electron-builder.yml', () => {
  it('takes the product name and version from package.json and the app id the code uses', () => {
    expect(builderConfig.productName).toBeUndefined();
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(builderConfig.appId).toBe(APP_ID);
  });

  it('makes a per-machine NSIS installer for Windows x64 with a choice of folder, shortcuts and the icon', () => {
    expect(builderConfig.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(builderConfig.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      installerIcon: 'assets/icon.ico',
      uninstallerIcon: 'assets/icon.ico',
      deleteAppDataOnUninstall: false,
    });
    expect(existsSync(new URL('assets/icon.ico', repo))).toBe(true);
  });
});

describe('the unpacked Windows app built by electron-builder', () => {
  it('holds the main, preload and CLI bundles, the built renderer and the icons', () => {
    for (const file of [
      '/package.json',
      `/${pkg.main}`,
      '/dist/main/preload.cjs',
      '/dist/main/cli.cjs',
      '/dist/renderer/index.html',
      '/assets/icon.ico',
      '/assets/tray.png',
      '/assets/tray-error@2x.png',
    ]) {
      expect(entries, file).toContain(file);
    }
    expect(entries.some((entry) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(entry))).toBe(true);
    const packaged = JSON.parse(asar.extractFile(built.asar, 'package.json').toString('utf8')) as typeof pkg;
    expect(packaged).toMatchObject({ name: pkg.name, productName: pkg.productName, version: pkg.version });
  });

  it('carries from node_modules exactly the native modules and what they load', () => {
    const modules = new Set(
      entries.filter((entry) => /^\/node_modules\/[^/]+$/.test(entry)).map((entry) => entry.split('/')[2]),
    );
    expect([...modules].sort()).toEqual([...PACKAGED_NODE_MODULES].sort());
    for (const dev of Object.keys(pkg.devDependencies)) expect(modules.has(dev), dev).toBe(false);
  });

  it('holds no source, test, source map, documentation or CLI build for a system Node', () => {
    const forbidden = entries.filter(
      (entry) =>
        (/\.(ts|tsx|mts|cts|map|md)$/.test(entry) && !/\/LICENSE\.md$/.test(entry)) ||
        /\.test\.|test-support|\/(test|tests|__tests__|examples|deps|src)\//.test(entry) ||
        /^\/(src-main|src-renderer|e2e|bench|scripts|docs)\//.test(entry) ||
        entry === '/dist/main/cli.mjs',
    );
    expect(forbidden).toEqual([]);
  });

  it('unpacks the native binaries from the archive, and only the Windows x64 ones', () => {
    const nodeFiles = entries.filter((entry) => entry.endsWith('.node'));
    expect(nodeFiles).toContain('/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(nodeFiles.filter((entry) => entry.startsWith('/node_modules/oracledb/'))).toEqual([
      expect.stringMatching(/^\/node_modules\/oracledb\/build\/Release\/oracledb-[\d.]+-win32-x64\.node$/),
    ]);
    for (const file of nodeFiles) {
      expect(asar.statFile(built.asar, file.slice(1)), file).toMatchObject({ unpacked: true });
      expect(existsSync(join(built.unpacked, file)), file).toBe(true);
    }
  });

  it('names the executable as the service docs do, with the product version, icon and asar integrity', () => {
    // What the Windows service runs (docs/windows-service.md): this executable, on this file of the archive.
    expect(`${builderConfig.win.executableName}.exe`).toBe(EXECUTABLE_NAME);
    const [archive, ...inside] = CLI_IN_INSTALL_DIR.split('\\').slice(1);
    expect(archive).toBe('app.asar');
    expect(entries).toContain(`/${inside.join('/')}`);
    const exe = join(built.appDir, EXECUTABLE_NAME);
    const resources = exeResources(exe);
    expect(resources.strings.ProductName).toBe(pkg.productName);
    expect(resources.strings.FileVersion).toMatch(new RegExp(`^${pkg.version.replace(/\./g, '\\.')}`));
    expect(resources.iconGroups).toBeGreaterThan(0);
    expect(resources.integrity).toEqual([
      { file: 'resources\\app.asar', alg: 'SHA256', value: asarIntegrityOf(built.asar) },
    ]);
    expect(readFileSync(join(built.appDir, 'resources', 'integrador-cli.cmd'), 'utf8')).toBe(
      readFileSync(new URL('scripts/windows/integrador-cli.cmd', repo), 'utf8'),
    );
  });

  it('runs its command line and opens the embedded database with only the packaged node_modules', () => {
    const extracted = join(workDir, 'extracted');
    asar.extractAll(built.asar, extracted);
    expect(readdirSync(join(extracted, 'node_modules')).sort()).toEqual([...PACKAGED_NODE_MODULES].sort());
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(extracted, 'dist/main/cli.cjs'), ...args], {
        cwd: extracted,
        encoding: 'utf8',
        env: { ...process.env, NODE_PATH: '' },
      });
    expect(cli('--version').stdout.trim()).toBe(pkg.version);
    const check = cli('--data-dir', join(workDir, 'data'), '--json', 'db', 'check', '--demo');
    expect(check.status, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as { ok: boolean; checks: Array<{ id: string; detail: string }> };
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.id === 'connection')?.detail).toMatch(
      /^SQLite [\d.]+ — banco embutido/,
    );
  });
});
