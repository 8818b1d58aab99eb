import { describe, expect, it } from 'vitest';
import { DESKTOP_CSP, withCsp } from './content-security-policy';

describe('DESKTOP_CSP', () => {
  it('allows only the app itself to run scripts and forbids framing, plugins and base changes', () => {
    expect(DESKTOP_CSP).toContain("script-src 'self'");
    expect(DESKTOP_CSP).not.toContain('unsafe-eval');
    expect(DESKTOP_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(DESKTOP_CSP).toContain("object-src 'none'");
    expect(DESKTOP_CSP).toContain("frame-ancestors 'none'");
    expect(DESKTOP_CSP).toContain("base-uri 'none'");
  });
});

describe('withCsp', () => {
  it('adds the header and replaces any other CSP, keeping the rest', () => {
    const headers = withCsp({
      'content-type': ['text/html'],
      'Content-Security-Policy': ['default-src *'],
      'x-a': 'b',
    });
    expect(headers).toEqual({
      'content-type': ['text/html'],
      'x-a': ['b'],
      'Content-Security-Policy': [DESKTOP_CSP],
    });
  });

  it('works without headers (file:// responses)', () => {
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [DESKTOP_CSP] });
  });
});
