import { describe, expect, it } from 'vitest';
import { TOOLTIP_MAX, trayIconName, trayTooltip } from './tray-status-text';
import { statusWith } from './app-status.test-support';

describe('trayTooltip', () => {
  it('names the product and the engine summary', () => {
    expect(trayTooltip(statusWith({ summary: 'Em execução' }))).toBe(
      'Integrador WinThor Ciashop — Em execução',
    );
  });

  it('marks the demo', () => {
    expect(trayTooltip(statusWith({ summary: 'Pausado' }, { demo: true }))).toBe(
      'Integrador WinThor Ciashop (demonstração) — Pausado',
    );
  });

  it('says Iniciando before the first status', () => {
    expect(trayTooltip(undefined)).toBe('Integrador WinThor Ciashop — Iniciando');
  });

  it('never exceeds what Windows shows', () => {
    const text = trayTooltip(statusWith({ summary: `Com erro: ${'x'.repeat(300)}` }));
    expect(text).toHaveLength(TOOLTIP_MAX);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('trayIconName', () => {
  it('shows amber, with the step named in the tooltip, while the engine waits for the first-run guide', () => {
    const status = statusWith({
      state: 'setup',
      summary: 'Aguardando configuração: passo 1 — conectar o banco de dados do WinThor',
    });
    expect(trayIconName(status)).toBe('tray-warning');
    expect(trayTooltip(status)).toBe(
      'Integrador WinThor Ciashop — Aguardando configuração: passo 1 — conectar o banco de dados do WinThor',
    );
  });

  it('shows amber while another engine holds the database, naming its machine and since when', () => {
    const standby = {
      hostName: 'SRV-WINTHOR',
      dataDir: 'C:\\ProgramData\\IntegradorWinThorCiashop',
      since: '14:05',
      lost: false,
    };
    const status = statusWith({
      state: 'standby',
      summary: `Em espera: outro integrador está ativo neste banco (host SRV-WINTHOR, pasta ${standby.dataDir}, desde 14:05)`,
      standby,
    });
    expect(trayIconName(status)).toBe('tray-warning');
    // The whole line would pass Windows' 127 characters: the folder goes, the machine and the time stay.
    expect(trayTooltip(status)).toBe(
      'Integrador WinThor Ciashop — Em espera: outro integrador está ativo neste banco (host SRV-WINTHOR, desde 14:05)',
    );
    const short = statusWith({
      state: 'standby',
      summary: 'Em espera: outro integrador está ativo neste banco (host A, pasta C:\\D, desde 09:00)',
      standby: { ...standby, hostName: 'A', dataDir: 'C:\\D', since: '09:00' },
    });
    expect(trayTooltip(short)).toBe(
      'Integrador WinThor Ciashop — Em espera: outro integrador está ativo neste banco (host A, pasta C:\\D, desde 09:00)',
    );
  });

  it('follows the engine state', () => {
    expect(trayIconName(statusWith({ state: 'running' }))).toBe('tray');
    expect(trayIconName(statusWith({ state: 'paused' }))).toBe('tray-paused');
    expect(trayIconName(statusWith({ state: 'stopped' }))).toBe('tray-paused');
    expect(trayIconName(statusWith({ state: 'error' }))).toBe('tray-error');
    expect(trayIconName(undefined)).toBe('tray');
  });
});

describe('the tray with the monitoring health (OK / warning / error)', () => {
  const warning = {
    level: 'warning' as const,
    summary: '12 pendência(s) aberta(s) esperando correção',
    summaryRef: { key: 'health.pendings' },
  };
  const failing = {
    level: 'error' as const,
    summary: 'Com falha: Preços (filial 1) desde 05/12/2026 10:00',
    summaryRef: { key: 'health.jobFailing' },
  };
  const ok = { level: 'ok' as const, summary: 'Tudo em dia', summaryRef: { key: 'health.ok' } };

  it('turns amber while something waits for a person, red while a job or the database fails', () => {
    const running = statusWith({ state: 'running' });
    expect(trayIconName(running, ok)).toBe('tray');
    expect(trayIconName(running, warning)).toBe('tray-warning');
    expect(trayIconName(running, failing)).toBe('tray-error');
    expect(trayIconName(statusWith({ state: 'paused' }), warning)).toBe('tray-paused');
    expect(trayIconName(statusWith({ state: 'paused' }), failing)).toBe('tray-error');
  });

  it('says what needs a person in the tooltip, and nothing more when all is well', () => {
    expect(trayTooltip(statusWith({ summary: 'Em execução' }), warning)).toBe(
      'Integrador WinThor Ciashop — Em execução · 12 pendência(s) aberta(s) esperando correção',
    );
    expect(trayTooltip(statusWith({ summary: 'Em execução' }), ok)).toBe(
      'Integrador WinThor Ciashop — Em execução',
    );
  });
});
