import { describe, expect, it } from 'vitest';
import { portOverride } from './desktop-http';

describe('portOverride', () => {
  it('reads WTC_PORT (0 = any free port)', () => {
    expect(portOverride({ WTC_PORT: '7600' })).toBe(7600);
    expect(portOverride({ WTC_PORT: '0' })).toBe(0);
  });

  it('ignores it when absent or invalid (the configured port is used)', () => {
    expect(portOverride({})).toBeUndefined();
    expect(portOverride({ WTC_PORT: '' })).toBeUndefined();
    expect(portOverride({ WTC_PORT: 'abc' })).toBeUndefined();
    expect(portOverride({ WTC_PORT: '70000' })).toBeUndefined();
  });
});
