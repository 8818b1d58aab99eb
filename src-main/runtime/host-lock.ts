import { createHash } from 'node:crypto';
import { mkdirSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Who runs on a data folder: what a second host shows the person who started it. */
export interface HostLockHolder {
  pid: number;
  host: 'desktop' | 'headless';
  /** A headless host started with --demo (absent from holders of older versions). */
  demo?: boolean;
  /** A headless host run as the Windows service (WTC_SERVICE=1, service-mode.ts). */
  service?: boolean;
  version: string;
  startedAt: string;
  /** The web UI's address, once it listens. */
  url: string | null;
}

export interface HostLock {
  /** Tells later callers the web UI's address. */
  setUrl(url: string | null): void;
  release(): Promise<void>;
}

export type HostLockResult = { ok: true; lock: HostLock } | { ok: false; holder: HostLockHolder | null };

/** Unix socket paths are limited to ~104 bytes; a longer data folder gets its socket in the temp folder. */
const MAX_SOCKET_PATH = 100;

/**
 * The lock's address: a named pipe on Windows (the system removes it when its process dies, whatever the
 * way), a Unix socket elsewhere. Derived from the data folder, so two installs with different folders do
 * not exclude each other.
 */
export const hostLockAddress = (dataDir: string, platform: NodeJS.Platform = process.platform): string => {
  const folder = resolve(dataDir);
  const key = createHash('sha256')
    .update(platform === 'win32' ? folder.toLowerCase() : folder)
    .digest('hex')
    .slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\IntegradorWinThorCiashop-${key}`;
  const inFolder = join(folder, '.integrador.lock.sock');
  return inFolder.length <= MAX_SOCKET_PATH ? inFolder : join(tmpdir(), `integrador-${key}.sock`);
};

/** Asks the lock's holder who it is; null when nobody answers (nobody holds it, or it cannot say). */
export const askHolder = (address: string, timeoutMs = 2000): Promise<HostLockHolder | null> =>
  new Promise((done) => {
    let text = '';
    const socket = connect(address);
    const finish = (holder: HostLockHolder | null) => {
      socket.destroy();
      done(holder);
    };
    socket.setTimeout(timeoutMs, () => finish(null));
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => {
      try {
        finish(JSON.parse(text) as HostLockHolder);
      } catch {
        finish(null);
      }
    });
    socket.on('error', () => finish(null));
  });

const listen = (server: Server, address: string): Promise<NodeJS.ErrnoException | null> =>
  new Promise((done) => {
    server.once('error', (error: NodeJS.ErrnoException) => done(error));
    server.listen(address, () => done(null));
  });

/**
 * One host (desktop app or service) per data folder: two engines on one configuration would send every
 * change twice. The holder listens on the folder's pipe/socket and answers each connection with who it is;
 * a second host gets that answer instead of the lock (ADR 0306). A Unix socket left by a killed process is
 * recognised (nobody answers on it) and replaced.
 */
export const acquireHostLock = async (
  dataDir: string,
  holder: Omit<HostLockHolder, 'url'>,
  platform: NodeJS.Platform = process.platform,
): Promise<HostLockResult> => {
  const address = hostLockAddress(dataDir, platform);
  mkdirSync(dataDir, { recursive: true });
  const state: HostLockHolder = { ...holder, url: null };
  const server = createServer((socket) => socket.end(JSON.stringify(state)));
  server.unref();
  let error = await listen(server, address);
  if (error && (error.code === 'EADDRINUSE' || error.code === 'EACCES')) {
    const current = await askHolder(address);
    if (current || platform === 'win32') return { ok: false, holder: current };
    // Nobody answers on the socket file: its process is gone. Replace it.
    try {
      unlinkSync(address);
    } catch {
      // Already gone.
    }
    error = await listen(server, address);
  }
  if (error) {
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES') return { ok: false, holder: null };
    throw error;
  }
  return {
    ok: true,
    lock: {
      setUrl: (url) => {
        state.url = url;
      },
      release: () => new Promise<void>((done) => server.close(() => done())),
    },
  };
};
