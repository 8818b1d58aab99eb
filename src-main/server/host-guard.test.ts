import { describe, expect, it } from 'vitest';
import { hostNameOf, isAllowedHost, isLoopbackAddress } from './host-guard';

describe('host guard (DNS rebinding)', () => {
  it.each([
    ['localhost:7585', true],
    ['127.0.0.1:7585', true],
    ['[::1]:7585', true],
    ['LOCALHOST:7585', true],
    ['evil.example.com:7585', false],
    ['localhost.evil.com', false],
    ['127.0.0.1.nip.io:7585', false],
    ['', false],
    ['[::1]evil.com', false],
    ['[::1]evil.com:7585', false],
    ['[::1]:7585evil', false],
    ['localhost:evil.com', false],
    ['[::1]', true],
    ['localhost', true],
  ])('%s → %s', (host, allowed) => {
    expect(isAllowedHost(host, [])).toBe(allowed);
  });

  it('accepts the extra names configured for the LAN', () => {
    expect(isAllowedHost('servidor-winthor:7585', ['servidor-winthor'])).toBe(true);
    expect(isAllowedHost('outro:7585', ['servidor-winthor'])).toBe(false);
    expect(isAllowedHost(undefined, ['x'])).toBe(false);
    expect(isAllowedHost('[::1]evil.com', [''])).toBe(false);
  });

  it('extracts host names and recognises loopback listen addresses', () => {
    expect(hostNameOf('[::1]:80')).toBe('[::1]');
    expect(hostNameOf('Host.Example:1')).toBe('host.example');
    expect(hostNameOf('[::1]evil.com')).toBe('');
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('0.0.0.0')).toBe(false);
    expect(isLoopbackAddress('192.168.0.10')).toBe(false);
  });
});
