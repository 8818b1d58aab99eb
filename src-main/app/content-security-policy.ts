/**
 * The desktop window's Content-Security-Policy, sent as a response header by session.webRequest (the
 * renderer's index.html carries its own meta tag too). The UI talks to the main process over IPC only.
 */
export const DESKTOP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Response headers with the CSP set, replacing any CSP header already there (whatever its case). */
export const withCsp = (
  headers: Record<string, string[] | string> | undefined,
  csp: string = DESKTOP_CSP,
): Record<string, string[]> => {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [csp];
  return result;
};
