import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireHostLock, hostLockAddress, type HostLock } from './host-lock';

const me = {
  pid: process.pid,
  host: 'headless' as const,
  version: '1.0.0',
  startedAt: '2026-12-05T10:00:00.000Z',
};
let dir: string;
const held: HostLock[] = [];

const tempDir = () => {
  dir = mkdtempSync(join(tmpdir(), 'wtc-lock-'));
  return dir;
};

afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  rmSync(dir, { recursive: true, force: true });
});

describe('host lock: one host per data folder', () => {
  it('lets one host in and tells the second who holds the folder, with the web UI address', async () => {
    const folder = tempDir();
    const first = await acquireHostLock(folder, me);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    held.push(first.lock);
    first.lock.setUrl('http://localhost:7585');
    const second = await acquireHostLock(folder, { ...me, host: 'desktop', pid: 1 });
    expect(second).toEqual({ ok: false, holder: { ...me, url: 'http://localhost:7585' } });
  });

  it('is free again once released, and other data folders never wait for it', async () => {
    const folder = tempDir();
    const first = await acquireHostLock(folder, me);
    if (!first.ok) throw new Error('lock refused');
    const other = await acquireHostLock(join(folder, 'demo'), me);
    expect(other.ok).toBe(true);
    if (other.ok) held.push(other.lock);
    await first.lock.release();
    const again = await acquireHostLock(folder, me);
    expect(again.ok).toBe(true);
    if (again.ok) held.push(again.lock);
  });

  it('takes over a lock left by a process that was killed (no clean release)', async () => {
    const folder = tempDir();
    const address = hostLockAddress(folder);
    // A process that holds the socket and is then killed with SIGKILL: its socket file stays behind.
    const child = spawn(process.execPath, [
      '-e',
      `require('node:net').createServer((s) => s.end('{}')).listen(${JSON.stringify(address)}, () => console.log('up'))`,
    ]);
    await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
    child.kill('SIGKILL');
    await new Promise<void>((gone) => child.once('exit', () => gone()));
    expect(existsSync(address)).toBe(true);
    const result = await acquireHostLock(folder, me);
    expect(result.ok).toBe(true);
    if (result.ok) held.push(result.lock);
  });

  it('names a pipe per data folder on Windows (case-insensitive) and keeps long Unix paths short', () => {
    const a = hostLockAddress('C:\\ProgramData\\IntegradorWinThorCiashop', 'win32');
    expect(a).toMatch(/^\\\\\.\\pipe\\IntegradorWinThorCiashop-[0-9a-f]{16}$/);
    expect(hostLockAddress('C:\\PROGRAMDATA\\IntegradorWinThorCiashop', 'win32')).toBe(a);
    expect(hostLockAddress('C:\\ProgramData\\Outra', 'win32')).not.toBe(a);
    expect(hostLockAddress(`/tmp/${'x'.repeat(150)}`, 'linux').length).toBeLessThanOrEqual(100);
  });
});
