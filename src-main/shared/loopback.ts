/**
 * 127.0.0.0/8, localhost and ::1 (bracketed or not): the listen addresses that need no login password
 * (ADR 0003), the only store hosts allowed over plain http and never sent through a proxy (the sandbox).
 */
export const isLoopbackAddress = (host: string): boolean => {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name);
};
