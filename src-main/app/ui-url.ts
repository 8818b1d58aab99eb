/**
 * Is `url` the app's own UI (the built index.html loaded through file://), whatever the hash route?
 * Used to trust IPC senders, to allow navigations and before forwarding events to a window.
 * `uiIndexUrl` is pathToFileURL(<dist/renderer/index.html>).href. Windows paths compare case-insensitively.
 */
export const isAppUiUrl = (
  url: string | undefined | null,
  uiIndexUrl: string,
  options: { caseInsensitive?: boolean } = {},
): boolean => {
  if (!url) return false;
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(uiIndexUrl);
  } catch {
    return false;
  }
  if (actual.protocol !== 'file:' || expected.protocol !== 'file:') return false;
  if (actual.host !== expected.host) return false;
  const norm = (path: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      decoded = path;
    }
    return options.caseInsensitive ? decoded.toLowerCase() : decoded;
  };
  return norm(actual.pathname) === norm(expected.pathname);
};

/** A link the user clicked that may open in the system browser (http/https only); anything else is dropped. */
export const externalUrlToOpen = (url: string): string | undefined => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
};
