import { describe, expect, it } from 'vitest';
import { engineAlert } from './engine-alerts';
import { statusWith } from './app-status.test-support';

describe('engineAlert', () => {
  const running = statusWith({ state: 'running' });
  const failing = statusWith({ state: 'error', summary: 'Com erro: pedidos: loja fora do ar' });

  it('alerts when the engine enters the error state, with the summary', () => {
    expect(engineAlert(running, failing)).toEqual({
      title: 'Integrador WinThor Ciashop: erro na sincronização',
      body: 'Com erro: pedidos: loja fora do ar',
    });
    expect(engineAlert(undefined, failing)).toBeDefined();
  });

  it('does not repeat while it stays in error', () => {
    expect(engineAlert(failing, failing)).toBeUndefined();
  });

  it('tells when it recovers', () => {
    expect(engineAlert(failing, running)?.body).toBe('A sincronização voltou a funcionar.');
  });

  it('stays quiet on ordinary changes', () => {
    expect(engineAlert(running, statusWith({ state: 'paused' }))).toBeUndefined();
    expect(engineAlert(failing, statusWith({ state: 'paused' }))).toBeUndefined();
  });
});
