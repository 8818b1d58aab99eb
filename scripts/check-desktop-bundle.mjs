// Runs the built desktop main process (dist/main/app.cjs) under plain Node with a fake `electron` module,
// to check what can be checked without the Electron binary: the bundle loads (ESM-only deps converted to
// CommonJS), settings open through electron-store with secrets through safeStorage, the runtime starts,
// `wtc:call` answers the UI and refuses other pages, events reach the window, the tray menu follows the
// engine, navigation is guarded, the CSP header is set, the HTTP host serves, and quitting cleans up.
// The data folder is the machine's (WTC_DATA_DIR here, ADR 0308): a profile of an older version is moved
// into it, secrets re-encrypted with its key file, and a second host (the CLI's serve) is refused while the
// app runs on it. It then runs itself again with --demo-run: the app started with --demo keeps its demo
// settings in <data folder>/demo and leaves the installation's settings alone.
// Usage: node scripts/build-main.mjs && node scripts/check-desktop-bundle.mjs
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundle = join(root, 'dist', 'main', 'app.cjs');
if (!existsSync(bundle)) {
  console.error('dist/main/app.cjs não existe; rode antes: node scripts/build-main.mjs');
  process.exit(1);
}

const demoRun = process.argv.includes('--demo-run');
// The app reads its switches from process.argv, as Electron passes them.
if (demoRun) process.argv.push('--demo');

const work = mkdtempSync(join(tmpdir(), 'wtc-desktop-check-'));
const userData = join(work, 'userData');
const dataDir = join(work, 'ProgramData');
const uiDir = join(work, 'renderer');
rmSync(uiDir, { recursive: true, force: true });
await import('node:fs').then((fs) => fs.mkdirSync(uiDir, { recursive: true }));
writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>UI</title><p>UI de teste</p>');
const uiUrl = pathToFileURL(join(uiDir, 'index.html')).href;

// ---- the fake electron -------------------------------------------------------------------------------
const record = {
  quit: 0,
  exit: [],
  errorBoxes: [],
  messageBoxes: [],
  notifications: [],
  opened: [],
  windows: [],
  trays: [],
};
const appEvents = new EventEmitter();
const handlers = new Map();
const paths = { userData: join(work, 'default-userData'), exe: '/opt/integrador/integrador' };

class FakeWebContents extends EventEmitter {
  url = '';
  sent = [];
  openHandler = undefined;
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return false;
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  static getAllWindows = () => record.windows;
  visible = false;
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    record.windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  setMenu() {}
  async loadFile(file) {
    this.webContents.url = pathToFileURL(file).href;
    setImmediate(() => this.emit('ready-to-show'));
  }
  async loadURL(url) {
    this.webContents.url = url;
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  getTitle() {
    return this.options.title;
  }
}

class Tray extends EventEmitter {
  constructor(image) {
    super();
    this.image = image;
    record.trays.push(this);
  }
  setImage(image) {
    this.image = image;
  }
  setToolTip(text) {
    this.tooltip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

class Notification {
  static isSupported = () => true;
  constructor(options) {
    this.options = options;
  }
  show() {
    record.notifications.push(this.options);
  }
}

const sessionState = {};
const fakeElectron = {
  app: {
    setPath: (name, value) => {
      paths[name] = value;
    },
    getPath: (name) => paths[name] ?? join(work, name),
    getVersion: () => '0.0.0-check',
    setAppUserModelId: (id) => {
      record.appUserModelId = id;
    },
    enableSandbox: () => {
      record.sandbox = true;
    },
    requestSingleInstanceLock: () => true,
    on: (name, listener) => appEvents.on(name, listener),
    whenReady: () => Promise.resolve(),
    isPackaged: false,
    quit: () => {
      record.quit += 1;
      const event = {
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      appEvents.emit('before-quit', event);
      appEvents.emit('will-quit', event);
    },
    exit: (code) => record.exit.push(code),
    setLoginItemSettings: () => {},
    getLoginItemSettings: () => ({ openAtLogin: false }),
  },
  dialog: {
    showErrorBox: (title, text) => record.errorBoxes.push(`${title}: ${text}`),
    showMessageBox: async (options) => {
      record.messageBoxes.push(options);
      return { response: 1, checkboxChecked: false };
    },
  },
  ipcMain: {
    handle: (channel, handler) => handlers.set(channel, handler),
    removeHandler: (channel) => handlers.delete(channel),
    on: () => {},
  },
  ipcRenderer: undefined,
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (listener) => (sessionState.onHeadersReceived = listener) },
      setPermissionRequestHandler: (handler) => (sessionState.permissionRequest = handler),
      setPermissionCheckHandler: (handler) => (sessionState.permissionCheck = handler),
    },
  },
  shell: { openExternal: async (url) => record.opened.push(url), openPath: async () => '' },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.concat([Buffer.from('FAKE'), Buffer.from(text).reverse()]),
    decryptString: (buffer) => Buffer.from(buffer.subarray(4)).reverse().toString(),
  },
  BrowserWindow,
  Tray,
  Notification,
  Menu: { buildFromTemplate: (template) => template },
  nativeImage: { createFromPath: (path) => ({ path }) },
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return fakeElectron;
  return originalLoad.call(this, request, parent, isMain);
};

// ---- run it ------------------------------------------------------------------------------------------
// A profile left by a desktop version from before ADR 0308: settings and a DPAPI (safeStorage) secret.
const legacyToken = 'token-do-perfil-antigo';
if (!demoRun) {
  mkdirSync(userData, { recursive: true });
  const dpapi = fakeElectron.safeStorage.encryptString(legacyToken).toString('base64');
  writeFileSync(
    join(userData, 'settings.json'),
    JSON.stringify({
      schemaVersion: 2,
      branches: [
        {
          code: '1',
          name: 'Matriz',
          store: { url: 'https://loja.example.com.br', token: `enc:safe:${dpapi}` },
        },
      ],
    }),
  );
}
process.env.WTC_USER_DATA_DIR = userData;
process.env.WTC_DATA_DIR = dataDir;
process.env.WTC_UI_DIR = uiDir;
process.env.WTC_PORT = '0';
const waitFor = async (what, predicate, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`tempo esgotado esperando ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
const step = (text) => console.log(`ok - ${text}`);

try {
  createRequire(import.meta.url)(bundle);
  await waitFor('a janela', () => record.windows.length === 1);
  await waitFor(
    'o servidor HTTP',
    () =>
      existsSync(join(dataDir, 'logs', 'desktop.log')) &&
      /Interface web em|porta/.test(readFileSync(join(dataDir, 'logs', 'desktop.log'), 'utf8')),
  );
  assert.deepEqual(record.errorBoxes, []);
  if (demoRun) {
    const demoSettings = join(dataDir, 'demo', 'settings.json');
    await waitFor('as configurações da demonstração', () => existsSync(demoSettings));
    assert.equal(JSON.parse(readFileSync(demoSettings, 'utf8')).database.kind, 'embedded');
    assert.equal(existsSync(join(dataDir, 'settings.json')), false, 'a demonstração mexeu nas configurações');
    const [tray] = record.trays;
    tray.menu.find((item) => item.label === 'Sair').click();
    await waitFor('o encerramento', () => record.quit >= 2 && tray.destroyed === true);
    step('--demo guarda as configurações em <pasta de dados>/demo e não toca nas da instalação');
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }
  const moved = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  assert.match(moved, /"token": "enc:aes:/);
  assert.doesNotMatch(moved, /enc:safe:|token-do-perfil-antigo/);
  assert.ok(existsSync(join(userData, 'settings.json')), 'o perfil antigo deve ficar como estava');
  assert.match(readFileSync(join(dataDir, 'logs', 'desktop.log'), 'utf8'), /copiados para .*settings\.json/);
  step('perfil antigo copiado para a pasta de dados da máquina; segredo DPAPI recifrado com secret.key');

  assert.equal(record.appUserModelId, 'br.com.integrador.winthor-ciashop');
  assert.equal(record.sandbox, true);
  step('bundle carregado; single-instance, AppUserModelId e sandbox configurados');

  const [window] = record.windows;
  const prefs = window.options.webPreferences;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.webSecurity, true);
  assert.ok(existsSync(prefs.preload), `preload ausente: ${prefs.preload}`);
  assert.equal(window.webContents.url, uiUrl);
  assert.equal(window.getTitle(), 'Integrador WinThor Ciashop');
  await waitFor('a janela aparecer', () => window.visible);
  step('janela isolada carrega a UI por file:// com o preload do bundle');

  const call = handlers.get('wtc:call');
  const status = await call({ senderFrame: { url: `${uiUrl}#/painel` } }, 'app.status', {});
  assert.equal(status.ok, true);
  assert.equal(status.result.host, 'desktop');
  const refused = await call({ senderFrame: { url: 'https://evil.example/' } }, 'app.status', {});
  assert.equal(refused.error.code, 'forbidden_sender');
  const unknown = await call({ senderFrame: { url: uiUrl } }, 'no.such', {});
  assert.equal(unknown.error.code, 'unknown_method');
  step('wtc:call responde à UI e recusa outras páginas e métodos');

  const tray = record.trays[0];
  const labels = () => tray.menu.filter((item) => item.label).map((item) => item.label);
  assert.ok(labels().includes('Pausar'), labels().join(', '));
  assert.match(tray.tooltip, /^Integrador WinThor Ciashop — /);
  // A fresh data folder: nothing can run yet, and the tray says which step of "Primeiros passos" is missing.
  await waitFor('a dica dizer Aguardando configuração', () =>
    /Aguardando configuração: passo 1 — /.test(tray.tooltip),
  );
  assert.match(tray.image.path, /tray-warning\.png$/);
  assert.equal(tray.menu.find((item) => item.label === 'Executar agora')?.enabled, false);
  tray.menu.find((item) => item.label === 'Pausar').click();
  await waitFor('o menu mudar para Retomar', () => labels().includes('Retomar'));
  assert.match(tray.tooltip, /Pausado/);
  assert.match(tray.image.path, /tray-paused\.png$/);
  const event = window.webContents.sent.findLast(
    ([channel, name]) => channel === 'wtc:event' && name === 'app.status',
  );
  assert.equal(event?.[2].engine.state, 'paused');
  tray.menu.find((item) => item.label === 'Retomar').click();
  await waitFor('o menu voltar a Pausar', () => labels().includes('Pausar'));
  step('menu da bandeja, dica e ícone seguem o motor; eventos chegam à janela');

  const updated = await call({ senderFrame: { url: uiUrl } }, 'settings.update', {
    database: {
      kind: 'oracle',
      oracle: {
        connectString: 'db:1521/WINT',
        user: 'u',
        password: 'segredo-123',
        instantClientDir: '',
        poolMin: 1,
        poolMax: 4,
        schema: '',
      },
      embedded: { file: '' },
    },
  });
  assert.equal(updated.ok, true, JSON.stringify(updated));
  const stored = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  assert.match(stored, /"password": "enc:aes:/);
  assert.doesNotMatch(stored, /segredo-123|enc:safe:/);
  step('configurações em <pasta de dados>/settings.json (electron-store), segredo cifrado com secret.key');

  let prevented = false;
  window.webContents.emit('will-navigate', {
    url: 'https://evil.example/',
    preventDefault: () => (prevented = true),
  });
  assert.equal(prevented, true);
  assert.deepEqual(record.opened, ['https://evil.example/']);
  assert.deepEqual(window.webContents.openHandler({ url: 'file:///etc/passwd' }), { action: 'deny' });
  let hashPrevented = false;
  window.webContents.emit('will-navigate', {
    url: `${uiUrl}#/x`,
    preventDefault: () => (hashPrevented = true),
  });
  assert.equal(hashPrevented, false);
  let headers;
  sessionState.onHeadersReceived({ responseHeaders: {} }, (result) => (headers = result.responseHeaders));
  assert.match(headers['Content-Security-Policy'][0], /script-src 'self'/);
  let camera;
  sessionState.permissionRequest(window.webContents, 'media', (allowed) => (camera = allowed));
  assert.equal(camera, false);
  step('navegação para fora bloqueada (links http/https no navegador), window.open negado, CSP e permissões');

  const log = readFileSync(join(dataDir, 'logs', 'desktop.log'), 'utf8');
  const url = /Interface web em (http:\/\/\S+)/.exec(log)?.[1];
  assert.ok(url, log);
  const response = await fetch(url);
  assert.equal(response.status, 200);
  step(`interface web também servida pelo app desktop (${url})`);

  // The service (here the CLI's serve) on the same data folder is refused, told who runs and where.
  const serve = spawn(process.execPath, [
    join(root, 'dist/main/cli.cjs'),
    '--data-dir',
    dataDir,
    'serve',
    '--port',
    '65011', // never reached: the data folder is refused first
  ]);
  const serveTimer = setTimeout(() => serve.kill(), 20_000);
  let serveErr = '';
  serve.stderr.on('data', (chunk) => (serveErr += chunk));
  const serveExit = await new Promise((done) => serve.on('exit', (code) => done(code)));
  clearTimeout(serveTimer);
  assert.equal(serveExit, 4, serveErr);
  assert.match(
    serveErr,
    new RegExp(`em uso pelo aplicativo de área de trabalho .*interface em ${url.replace(/[./]/g, '\\$&')}`),
  );
  step('serve na mesma pasta de dados é recusado (código 4) e diz quem a usa e onde');

  let closePrevented = false;
  window.emit('close', { preventDefault: () => (closePrevented = true) });
  assert.equal(closePrevented, true);
  assert.equal(window.visible, false);
  appEvents.emit('second-instance');
  assert.equal(window.visible, true);
  step('fechar a janela esconde na bandeja; segunda instância mostra a janela');

  tray.menu.find((item) => item.label === 'Sair').click();
  await waitFor('o encerramento', () => record.quit >= 2 && tray.destroyed === true);
  await assert.rejects(fetch(url));
  step('Sair encerra servidor, motor e bandeja');
  const demo = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--demo-run'], {
    stdio: 'inherit',
    timeout: 60_000,
  });
  assert.equal(demo.status, 0, 'a verificação com --demo falhou');
  console.log('check-desktop-bundle: tudo certo');
} catch (error) {
  console.error(`check-desktop-bundle FALHOU: ${error.stack ?? error}`);
  process.exitCode = 1;
  // The app may still hold servers open after a failed check: the demo run must end here.
  if (demoRun) {
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  // After a failure the app may still hold servers open: end here instead of waiting for them.
  if (process.exitCode) process.exit(process.exitCode);
}
