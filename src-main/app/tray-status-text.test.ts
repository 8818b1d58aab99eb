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
  it('follows the engine state', () => {
    expect(trayIconName(statusWith({ state: 'running' }))).toBe('tray');
    expect(trayIconName(statusWith({ state: 'paused' }))).toBe('tray-paused');
    expect(trayIconName(statusWith({ state: 'stopped' }))).toBe('tray-paused');
    expect(trayIconName(statusWith({ state: 'error' }))).toBe('tray-error');
    expect(trayIconName(undefined)).toBe('tray');
  });
});
