import { describe, expect, it } from 'vitest';
import { localHolderIfLeaseHolder } from './sync-refusal';

const leaseHolder = {
  hostName: 'ESTACAO',
  dataDir: '/dados/integrador',
  pid: 41,
  version: '0.1.0',
  since: '14:05',
};
const local = {
  pid: 41,
  host: 'headless' as const,
  version: '0.1.0',
  startedAt: '2026-12-06T03:51:54.000Z',
  url: 'http://localhost:7586',
};
const here = { hostName: 'estacao', dataDir: '/dados/integrador' };

describe('sync refused beside an active engine: whose interface it names (#12)', () => {
  it("names this folder's lock holder only when it is the lease holder (same pid, machine and folder)", () => {
    expect(localHolderIfLeaseHolder(local, leaseHolder, here)).toBe(local);
    // Another machine's engine with the same pid, another folder, another process: not this lock's holder.
    expect(localHolderIfLeaseHolder(local, { ...leaseHolder, hostName: 'SERVIDOR' }, here)).toBeNull();
    expect(localHolderIfLeaseHolder(local, { ...leaseHolder, dataDir: '/outra' }, here)).toBeNull();
    expect(localHolderIfLeaseHolder(local, { ...leaseHolder, pid: 99 }, here)).toBeNull();
    expect(localHolderIfLeaseHolder(local, { ...leaseHolder, pid: null }, here)).toBeNull();
    expect(localHolderIfLeaseHolder(null, leaseHolder, here)).toBeNull();
  });
});
