import { AppError } from '../shared/app-error';
import { unknownBranchError } from '../shared/unknown-branch';
import { describeStale, describeUnverified, describeWaiting, type LeaseStanding } from './lease/lease-rules';

/** Why the engine refuses a request, with the fix in words (pt-BR). */
export const engineRefusals = {
  awaitingSetup: (step: string) =>
    new AppError(
      'engine_awaiting_setup',
      `Aguardando configuração (${step}): nenhuma sincronização pode rodar antes disso.`,
      { fix: 'Abra "Primeiros passos" no Painel e conclua esse passo.' },
    ),
  paused: () =>
    new AppError('engine_paused', 'O integrador está pausado: nenhuma sincronização começa agora.', {
      fix: 'Clique em "Retomar" (Painel ou menu da bandeja) e execute de novo.',
    }),
  standby: (waiting: Extract<LeaseStanding, { kind: 'waiting' }>) =>
    new AppError(
      'engine_standby',
      `Em espera: ${describeWaiting(waiting)}. Nenhuma sincronização roda neste integrador.`,
      {
        fix: 'Use o integrador que está ativo, ou pare-o. Se ele parou de vez (a máquina morreu), clique em "Assumir" no Painel.',
        messageRef: {
          key: waiting.lost ? 'engine.standbyLost' : 'engine.standby',
          params: {
            host: waiting.holder.hostName,
            folder: waiting.holder.dataDir,
            since: waiting.holder.since,
          },
        },
        fixRef: { key: 'engine.standbyFix' },
      },
    ),
  leaseStale: (seconds: number) =>
    new AppError(
      'engine_standby',
      `Em espera: ${describeStale(seconds)}. Nenhuma sincronização roda neste integrador.`,
      {
        fix: 'Verifique a conexão com o banco do WinThor (rede, servidor, conexões livres): a sincronização volta sozinha quando a posse for renovada.',
        messageRef: { key: 'engine.leaseStale', params: { seconds } },
        fixRef: { key: 'engine.leaseStaleFix' },
      },
    ),
  leaseUnverified: (reason: string) =>
    new AppError(
      'engine_standby',
      `Em espera: ${describeUnverified(reason)}. Nenhuma sincronização roda neste integrador.`,
      {
        fix: 'Verifique a conexão com o banco do WinThor (rede, servidor, conexões livres): a sincronização começa sozinha quando a posse for obtida.',
        messageRef: { key: 'engine.leaseUnverified', params: { reason } },
        fixRef: { key: 'engine.leaseUnverifiedFix' },
      },
    ),
  unknownBranch: (code: string) =>
    unknownBranchError(code, 'Cadastre a filial em Configuração ou escolha uma filial existente.'),
  unavailable: () =>
    new AppError('engine_unavailable', 'O motor de sincronização não está disponível neste modo.', {
      fix: 'Use o aplicativo de desktop ou o integrador sem janela (comando serve, ou o serviço do Windows).',
    }),
};
