#!/usr/bin/env node
// Installs what a fresh clone is missing before `npm run demo` / `npm test`, using only Node built-ins:
// the npm packages from the lockfile (never the Electron binary, which comes from GitHub), and with
// --browser Debian's Chromium for the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wantBrowser = process.argv.includes('--browser');
const say = (text) => process.stdout.write(`[bootstrap] ${text}\n`);

const run = (command, args, extraEnv = {}) => {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, ...extraEnv },
  });
  return result.status === 0;
};

const packagesAreCurrent = () => {
  const marker = `${root}node_modules/.package-lock.json`;
  if (!existsSync(marker)) return false;
  if (statSync(`${root}package-lock.json`).mtimeMs > statSync(marker).mtimeMs + 1000) return false;
  const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8'));
  const names = Object.keys(lock.packages?.['']?.dependencies ?? {}).concat(
    Object.keys(lock.packages?.['']?.devDependencies ?? {}),
  );
  return names.every((name) => existsSync(`${root}node_modules/${name}/package.json`));
};

if (!packagesAreCurrent()) {
  say('instalando os pacotes npm do package-lock.json (sem baixar o Electron nem navegadores)…');
  const ok = run('npm', ['ci', '--no-audit', '--no-fund'], {
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  if (!ok) {
    say('falha ao instalar os pacotes npm. Verifique o acesso ao registro npm e tente de novo.');
    process.exit(1);
  }
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (wantBrowser && !existsSync(chromiumPath)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get')) {
    say('instalando o Chromium do Debian para os testes de navegador…');
    const ok =
      run('apt-get', ['update', '-qq']) &&
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
        DEBIAN_FRONTEND: 'noninteractive',
      });
    if (!ok || !existsSync(chromiumPath)) {
      say('não foi possível instalar o Chromium com apt-get.');
      process.exit(1);
    }
  } else {
    say(
      `os testes de navegador precisam do Chromium em ${chromiumPath}. ` +
        'No Debian/Ubuntu: sudo apt-get install -y chromium. Em outro sistema, instale o Chromium ou o Chrome ' +
        'e informe o caminho em CHROMIUM_PATH (ex.: CHROMIUM_PATH="C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe").',
    );
    process.exit(1);
  }
}
