import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../winthor/repositories/pendings-repository';
import { FIRST_ATTEMPTS, waitingForPerson } from './pending-attention';

describe('which pendências wait for a person (ADR 0035)', () => {
  it('a self-retrying pendência needs a person from its 3rd failure, ~15 min after the first', () => {
    let elapsed = 0;
    for (let attempt = 1; attempt < FIRST_ATTEMPTS; attempt++) elapsed += retryDelayMs(attempt);
    expect(FIRST_ATTEMPTS).toBe(3);
    expect(elapsed).toBe(15 * 60_000);
  });

  it('counts the open ones less those still retrying on their own', () => {
    expect(waitingForPerson([{ count: 5, retrying: 2 }, { count: 1 }])).toBe(4);
  });
});
