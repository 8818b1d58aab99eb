/** Names the browser may use to reach the UI; anything else is refused (DNS rebinding). */
export const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

export const isLoopbackAddress = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The host name of a Host header without its port: `localhost:7585` → `localhost`, `[::1]:80` → `[::1]`. */
export const hostNameOf = (hostHeader: string): string => {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
};

export const isAllowedHost = (hostHeader: string | undefined, extraNames: readonly string[]): boolean => {
  if (!hostHeader) return false;
  const name = hostNameOf(hostHeader);
  return LOOPBACK_HOST_NAMES.includes(name) || extraNames.some((extra) => extra.toLowerCase() === name);
};
