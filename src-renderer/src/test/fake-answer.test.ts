import { describe, expect, it } from 'vitest';
import { fakeAnswer, fakeError } from './fake-answer';

describe('fakeAnswer', () => {
  it('gives back an answer the contract accepts, as the contract parses it', () => {
    const answer = fakeAnswer('db.install', { previousVersion: 0, installedVersion: 1, statements: 3 });
    expect(answer).toEqual({ previousVersion: 0, installedVersion: 1, statements: 3 });
  });

  it('fails on an answer the real API could not give, naming the method and the field', () => {
    const drifted = { ok: false, message: 'Conexão recusada.' } as never;
    expect(() => fakeAnswer('db.testConnection', drifted)).toThrow(/db\.testConnection[\s\S]*kind/);
    expect(() =>
      fakeAnswer('db.install', { previousVersion: 0, installedVersion: 1.5, statements: 3 }),
    ).toThrow(/db\.install[\s\S]*installedVersion/);
  });
});

describe('fakeError', () => {
  it('accepts an error body of the contract and refuses one without a message', () => {
    expect(fakeError({ code: 'x', message: 'y', fix: 'z' })).toEqual({ code: 'x', message: 'y', fix: 'z' });
    expect(() => fakeError({ code: 'x' } as never)).toThrow(/message/);
  });
});
