/** Names the browser may use to reach the UI; anything else is refused (DNS rebinding). */
export const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

export { isLoopbackAddress } from '../shared/loopback';

/**
 * The host name of a Host header without its port: `localhost:7585` → `localhost`, `[::1]:80` → `[::1]`.
 * Anything else after the name (`[::1]evil.com`, `localhost:x`) gives '' (never allowed).
 */
export const hostNameOf = (hostHeader: string): string => {
  const value = hostHeader.trim().toLowerCase();
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::\d*)?$/.exec(value);
  return match?.[1] ?? '';
};

export const isAllowedHost = (hostHeader: string | undefined, extraNames: readonly string[]): boolean => {
  if (!hostHeader) return false;
  const name = hostNameOf(hostHeader);
  if (!name) return false;
  return LOOPBACK_HOST_NAMES.includes(name) || extraNames.some((extra) => extra.toLowerCase() === name);
};
