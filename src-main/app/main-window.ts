import { BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { PRODUCT_NAME } from './app-identity';

export interface MainWindowOptions {
  uiIndexFile: string;
  preloadFile: string;
  iconFile: string;
  show: boolean;
  devTools: boolean;
  /** True while the app is really quitting; otherwise closing hides the window to the tray. */
  isQuitting: () => boolean;
}

const uiMissingHtml = (file: string) =>
  `<!doctype html><html lang="pt-BR"><meta charset="utf-8"><title>${PRODUCT_NAME}</title>` +
  `<body style="font-family:system-ui;padding:2rem"><h1>${PRODUCT_NAME}</h1>` +
  `<p>A interface não foi encontrada em <code>${file.replace(/[<>&]/g, '')}</code>. ` +
  'Execute <code>npm run build</code> e abra o aplicativo de novo. O integrador continua rodando na bandeja.</p></body></html>';

/** The window with the React UI: sandboxed, isolated, no Node; closing it keeps the app in the tray. */
export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: PRODUCT_NAME,
    icon: options.iconFile,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  window.setMenu(null);
  // The title says which program this is, whatever route the UI shows.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (options.show) window.show();
  });
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
  if (existsSync(options.uiIndexFile)) void window.loadFile(options.uiIndexFile);
  else
    void window.loadURL(
      `data:text/html;charset=utf-8,${encodeURIComponent(uiMissingHtml(options.uiIndexFile))}`,
    );
  return window;
};

export const showWindow = (window: BrowserWindow | undefined): void => {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};
