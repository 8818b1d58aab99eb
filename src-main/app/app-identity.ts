/** Must match `appId` in electron-builder.yml (Windows needs it for notifications; checked by a test). */
export const APP_ID = 'br.com.integrador.winthor-ciashop';
export const PRODUCT_NAME = 'Integrador WinThor Ciashop';
/** Launch flag used by the login item: start in the tray without opening the window. */
export const HIDDEN_FLAG = '--hidden';
/** Launch flag: embedded demo database and store sandbox, as `serve --demo`. */
export const DEMO_FLAG = '--demo';
