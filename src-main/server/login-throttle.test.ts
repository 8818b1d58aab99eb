import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('locks an address after the fifth wrong password in the window, then lets it try again', () => {
    let now = 0;
    const throttle = new LoginThrottle(5, 60_000, 120_000, () => now);
    for (let i = 0; i < 4; i += 1) throttle.failed('10.0.0.7');
    expect(throttle.retryAfterSeconds('10.0.0.7')).toBe(0);
    throttle.failed('10.0.0.7');
    expect(throttle.retryAfterSeconds('10.0.0.7')).toBe(120);
    expect(throttle.retryAfterSeconds('10.0.0.8')).toBe(0);
    now = 120_001;
    expect(throttle.retryAfterSeconds('10.0.0.7')).toBe(0);
  });

  it('forgets old failures and resets on success', () => {
    let now = 0;
    const throttle = new LoginThrottle(3, 1_000, 10_000, () => now);
    throttle.failed('a');
    throttle.failed('a');
    now = 5_000;
    throttle.failed('a');
    expect(throttle.retryAfterSeconds('a')).toBe(0);
    throttle.failed('a');
    throttle.succeeded('a');
    throttle.failed('a');
    throttle.failed('a');
    expect(throttle.retryAfterSeconds('a')).toBe(0);
  });
});
