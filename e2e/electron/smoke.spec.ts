import { _electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Desktop smoke test: launches the built main process (npm run build) with the real Electron binary.
// Where the binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD, no GitHub access) it is skipped.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const electronPath = existsSync(pathFile)
  ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  : join(electronDir, 'dist', '(path.txt ausente)');
const mainBundle = join(root, 'dist', 'main', 'app.cjs');
const uiIndex = join(root, 'dist', 'renderer', 'index.html');

/** The environment for Electron: never ELECTRON_RUN_AS_NODE (it would start as plain Node). */
const electronEnv = (extra: Record<string, string>): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  return { ...env, ...extra };
};

/** Why this machine cannot run the desktop smoke test, or undefined when it can. */
const skipReason = !existsSync(electronPath)
  ? `Electron binary not installed: ${electronPath} (run "node node_modules/electron/install.js" with internet access)`
  : !existsSync(mainBundle)
    ? `Main bundle missing: ${mainBundle} (run "npm run build")`
    : !existsSync(uiIndex)
      ? `UI not built: ${uiIndex} (run "npm run build")`
      : undefined;

// The list reporter shows a skipped test without its reason: say it in the run's output too.
if (skipReason) process.stdout.write(`[electron smoke test] skipped — ${skipReason}\n`);

test.describe('desktop app (Electron)', () => {
  test.skip(skipReason !== undefined, skipReason ?? '');

  test('opens the window and answers app.status over the preload bridge', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'wtc-electron-'));
    const app = await _electron.launch({
      executablePath: electronPath,
      args: [mainBundle],
      cwd: root,
      // Own profile folder, any free port for the web UI: never the user's real settings or :7585.
      env: electronEnv({ WTC_USER_DATA_DIR: userData, WTC_PORT: '0' }),
    });
    try {
      const window = await app.firstWindow();
      await window.waitForLoadState('domcontentloaded');
      const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
      expect(title).toBe('Integrador WinThor Ciashop');

      const bridge = await window.evaluate(() => {
        const wtc = (window as unknown as { wtc?: { methods: object } }).wtc;
        return {
          present: wtc !== undefined,
          methods: wtc ? Object.keys(wtc.methods) : [],
          ipc: 'ipcRenderer' in window,
        };
      });
      expect(bridge.present).toBe(true);
      expect(bridge.methods).toContain('app.status');
      expect(bridge.ipc).toBe(false);

      const envelope = await window.evaluate(() =>
        (window as unknown as { wtc: { call(m: string, i: unknown): Promise<unknown> } }).wtc.call(
          'app.status',
          {},
        ),
      );
      expect(envelope).toMatchObject({
        ok: true,
        result: { host: 'desktop', name: 'Integrador WinThor Ciashop' },
      });

      const refused = await window.evaluate(() =>
        (window as unknown as { wtc: { call(m: string, i: unknown): Promise<unknown> } }).wtc
          .call('no.such.method', {})
          .then(
            () => 'resolved',
            (error: Error) => error.message,
          ),
      );
      expect(refused).toContain('Método desconhecido');
    } finally {
      await app.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => {});
      await app.close().catch(() => {});
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
