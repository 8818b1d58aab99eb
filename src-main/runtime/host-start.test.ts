import { describe, expect, it } from 'vitest';
import { DataFolderInUseError } from './host-start';

const holder = {
  pid: 77,
  host: 'headless' as const,
  version: '0.1.0',
  startedAt: '2026-12-06T03:51:54.000Z',
  url: 'http://localhost:7586',
};

describe('data folder in use: worded by what holds it and where this runs (#12)', () => {
  it('a demo on Linux: "pela demonstração", stop it in its terminal, no nssm', () => {
    const error = new DataFolderInUseError('/tmp/x/.demo', { ...holder, demo: true }, 'linux');
    expect(error.message).toContain('já está em uso pela demonstração sem janela (serve --demo) 0.1.0');
    expect(error.fix).toBe(
      'Use a interface do integrador que já está rodando (http://localhost:7586), ou encerre-o antes (Ctrl+C no terminal dele, ou o processo 77).',
    );
  });

  it('a plain serve: "pelo integrador sem janela (serve)", never "serviço"', () => {
    const error = new DataFolderInUseError('/dados', holder, 'linux');
    expect(error.message).toContain('em uso pelo integrador sem janela (serve) 0.1.0');
    expect(`${error.message} ${error.fix}`).not.toMatch(/serviço|nssm|por o /);
  });

  it('the Windows service: names it and says how to stop it', () => {
    const error = new DataFolderInUseError('C:\\dados', { ...holder, service: true }, 'win32');
    expect(error.message).toContain('em uso pelo serviço do Windows IntegradorWinThorCiashop 0.1.0');
    expect(error.fix).toContain('nssm stop IntegradorWinThorCiashop');
  });

  it('an unknown holder: nssm only on Windows', () => {
    expect(new DataFolderInUseError('/dados', null, 'linux').fix).not.toContain('nssm');
    expect(new DataFolderInUseError('C:\\dados', null, 'win32').fix).toContain('nssm stop');
  });

  it('an older holder on Windows (no `service` field): "serviço do Windows ou serve", both fixes, no process number', () => {
    const error = new DataFolderInUseError('C:\\dados', holder, 'win32');
    expect(error.message).toContain('em uso pelo serviço do Windows ou serve (IntegradorWinThorCiashop');
    expect(error.fix).toContain('nssm stop IntegradorWinThorCiashop');
    expect(error.fix).toContain('Ctrl+C');
    expect(error.fix).not.toContain('processo 77');
  });

  it('a serve known not to be the service on Windows: its process number is fine', () => {
    const error = new DataFolderInUseError('C:\\dados', { ...holder, service: false }, 'win32');
    expect(error.message).toContain('em uso pelo integrador sem janela (serve) 0.1.0');
    expect(error.fix).toContain('o processo 77');
    expect(error.fix).not.toContain('nssm');
  });
});
