import { INSTALL_DDL_LOCK_TIMEOUT_SECONDS } from '../schema/schema-ddl';
import { TARGET_VERSION } from '../schema/migrations';
import type { PrerequisiteCheck } from './prerequisite-check';

/** The installed version of the WTC_ objects, and how to install them (in a quiet window). */
export const checkSchemaVersion = (installed: number, installBy: 'app' | 'owner'): PrerequisiteCheck => {
  const label = 'Tabelas, sequences e triggers da integração';
  const labelRef = { key: 'prereq.schema.label' };
  if (installed === TARGET_VERSION)
    return {
      id: 'schema',
      label,
      labelRef,
      status: 'ok',
      detail: `Versão ${installed} instalada.`,
      detailRef: { key: 'prereq.schema.ok', params: { version: installed } },
      installBy,
    };
  const quietWindow = `numa janela sem movimento no WinThor (fora do expediente): criar as triggers em PCEST, PCPEDC e nas demais tabelas exige que nenhuma transação do WinThor esteja aberta nelas; cada comando espera até ${INSTALL_DDL_LOCK_TIMEOUT_SECONDS} s por esse bloqueio e, se não conseguir, a instalação para e pode ser repetida.`;
  return {
    id: 'schema',
    label,
    labelRef,
    status: 'warning',
    detailRef:
      installed === 0
        ? { key: 'prereq.schema.missing', params: { target: TARGET_VERSION } }
        : { key: 'prereq.schema.older', params: { installed, target: TARGET_VERSION } },
    fixRef: {
      key: installBy === 'owner' ? 'prereq.schema.fixOwner' : 'prereq.schema.fixApp',
      params: { seconds: INSTALL_DDL_LOCK_TIMEOUT_SECONDS },
    },
    detail:
      installed === 0
        ? `Não instaladas (versão atual do instalador: ${TARGET_VERSION}).`
        : `Versão ${installed} instalada; a atual é ${TARGET_VERSION}.`,
    fix:
      installBy === 'owner'
        ? `Entregue ao DBA o script de "Criar Tabelas / Sequences / Triggers" (visualizar script) para ele executar conectado como o dono do esquema, ${quietWindow}`
        : `Use "Criar Tabelas / Sequences / Triggers" (ou: integrador db install) ${quietWindow}`,
    installBy,
  };
};
