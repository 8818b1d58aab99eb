import { describe, expect, it } from 'vitest';
import { buildTrayMenuModel, type TrayMenuItem } from './tray-menu-model';
import { statusWith } from './app-status.test-support';

const actions = (items: TrayMenuItem[]) =>
  items.flatMap((item) => (item.kind === 'action' ? [`${item.label}${item.enabled ? '' : ' (off)'}`] : []));

describe('buildTrayMenuModel', () => {
  it('offers Pausar while running', () => {
    expect(actions(buildTrayMenuModel(statusWith({ state: 'running' })))).toEqual([
      'Abrir',
      'Executar agora',
      'Pausar',
      'Sair',
    ]);
  });

  it('offers Retomar while paused, and Executar agora off (a paused engine refuses it)', () => {
    const items = buildTrayMenuModel(statusWith({ state: 'paused', summary: 'Pausado' }));
    expect(actions(items)).toEqual(['Abrir', 'Executar agora (off)', 'Retomar', 'Sair']);
    expect(items.find((item) => item.kind === 'action' && item.label === 'Retomar')).toMatchObject({
      action: 'resume',
    });
  });

  it('offers Pausar in error and shows the summary on top', () => {
    const items = buildTrayMenuModel(statusWith({ state: 'error', summary: 'Com erro: estoque: falhou' }));
    expect(items[0]).toEqual({ kind: 'info', label: 'Com erro: estoque: falhou' });
    expect(actions(items)).toContain('Pausar');
  });

  it('disables the engine entries while starting (no status yet) or stopped', () => {
    expect(actions(buildTrayMenuModel(undefined))).toEqual([
      'Abrir',
      'Executar agora (off)',
      'Pausar (off)',
      'Sair',
    ]);
    expect(actions(buildTrayMenuModel(statusWith({ state: 'stopped' })))).toEqual([
      'Abrir',
      'Executar agora (off)',
      'Pausar (off)',
      'Sair',
    ]);
  });

  it('waiting for the first-run guide: the missing step on top, Executar agora off, Pausar on', () => {
    const summary = 'Aguardando configuração: passo 4 — loja de uma filial com URL e token testados';
    const items = buildTrayMenuModel(statusWith({ state: 'setup', summary }));
    expect(items[0]).toEqual({ kind: 'info', label: summary });
    expect(actions(items)).toEqual(['Abrir', 'Executar agora (off)', 'Pausar', 'Sair']);
  });

  it('another engine holds the database: who, on top; Executar agora off, Pausar on', () => {
    const summary =
      'Em espera: outro integrador está ativo neste banco (host SRV, pasta C:\\Dados, desde 14:05)';
    const items = buildTrayMenuModel(statusWith({ state: 'standby', summary }));
    expect(items[0]).toEqual({ kind: 'info', label: summary });
    expect(actions(items)).toEqual(['Abrir', 'Executar agora (off)', 'Pausar', 'Sair']);
  });

  it('shows Executando… and disables it while jobs run', () => {
    expect(actions(buildTrayMenuModel(statusWith({ runningJobs: ['stock'] })))).toContain(
      'Executando… (off)',
    );
  });
});
