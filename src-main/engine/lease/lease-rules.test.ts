import { expect, it } from 'vitest';
import { LEASE_EXPIRY_SECONDS, LEASE_RENEW_MS, deadTwinQuietSeconds, staleAfterMs } from './lease-rules';

it('a dead twin’s row is taken only after a holder whose renewals fail has stopped itself (ADR 0314)', () => {
  const quiet = deadTwinQuietSeconds(LEASE_RENEW_MS, LEASE_EXPIRY_SECONDS);
  expect(quiet).toBe(75);
  // The holder stops at the stale margin; the twin waits longer, and both stay under the expiry.
  expect(quiet * 1000).toBeGreaterThan(staleAfterMs(LEASE_EXPIRY_SECONDS, LEASE_RENEW_MS));
  expect(quiet).toBeLessThan(LEASE_EXPIRY_SECONDS);
  // Short test timings never go below one renewal and a half.
  expect(deadTwinQuietSeconds(1_000, 2)).toBe(2);
});
