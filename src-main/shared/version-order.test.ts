import { describe, expect, it } from 'vitest';
import { compareVersions } from './version-order';

describe('compareVersions', () => {
  it('orders by major, minor and patch as numbers, not as text', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.2.3', '2.0.0')).toBe(-1);
    expect(compareVersions('v1.0.10', '1.0.9')).toBe(1);
  });

  it('puts a pre-release before its release, and orders pre-releases numerically', () => {
    expect(compareVersions('1.0.0-beta.2', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0-rc.1')).toBe(1);
    expect(compareVersions('1.0.0-beta.10', '1.0.0-beta.9')).toBe(1);
  });

  it('gives null for anything that is not a version', () => {
    expect(compareVersions('', '1.0.0')).toBeNull();
    expect(compareVersions('1.0', '1.0.0')).toBeNull();
  });
});
