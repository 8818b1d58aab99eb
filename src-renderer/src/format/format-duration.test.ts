import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [59, '59 s'],
    [60, '1 min'],
    [3725, '1 h 2 min'],
    [90_061, '1 d 1 h'],
  ])('%i s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
