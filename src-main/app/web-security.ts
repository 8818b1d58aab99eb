import type { Session, WebContents } from 'electron';
import { withCsp } from './content-security-policy';
import { externalUrlToOpen } from './ui-url';

/** The only permission the UI may use: writing to the clipboard ("copiar" buttons). */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** CSP header on every response, and no permission (camera, geolocation, notifications…) to any page. */
export const hardenSession = (session: Session): void => {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
};

/**
 * Every web contents stays on the app's own UI: other navigations are cancelled, window.open is denied
 * (http/https links go to the system browser instead) and <webview> is refused.
 */
export const hardenWebContents = (
  contents: WebContents,
  isAppUrl: (url: string) => boolean,
  openExternal: (url: string) => void,
): void => {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    const external = externalUrlToOpen(url);
    if (external) openExternal(external);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
};
