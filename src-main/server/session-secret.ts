import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const SESSION_COOKIE = 'wtc_session';
/** A custom header: a foreign page cannot send it without a CORS preflight, which this server never grants. */
export const CLIENT_HEADER = 'x-wtc-client';

/** The per-install secret carried by the HttpOnly, SameSite=Strict session cookie. */
export const loadOrCreateSessionSecret = (file: string): string => {
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length >= 32) return value;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
};

export const sameSecret = (given: string | undefined, expected: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The cookie value: the install's secret bound to the current login password, so changing (or setting)
 * the password ends every session handed out before.
 */
export const sessionCookieValue = (secret: string, loginPassword: string): string =>
  createHmac('sha256', secret).update(`wtc-session:${loginPassword}`).digest('base64url');
