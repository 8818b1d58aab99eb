import { INSTALL_DDL_LOCK_TIMEOUT_SECONDS } from '../schema/schema-ddl';
import { TARGET_VERSION } from '../schema/migrations';
import type { PrerequisiteCheck } from './prerequisite-check';

/** The installed version of the WTC_ objects, and how to install them (in a quiet window). */
export const checkSchemaVersion = (installed: number, installBy: 'app' | 'owner'): PrerequisiteCheck => {
  const label = 'Tabelas, sequences e triggers da integração';
  if (installed === TARGET_VERSION)
    return { id: 'schema', label, status: 'ok', detail: `Versão ${installed} instalada.`, installBy };
  const quietWindow = `numa janela sem movimento no WinThor (fora do expediente): criar as triggers em PCEST, PCPEDC e nas demais tabelas exige que nenhuma transação do WinThor esteja aberta nelas; cada comando espera até ${INSTALL_DDL_LOCK_TIMEOUT_SECONDS} s por esse bloqueio e, se não conseguir, a instalação para e pode ser repetida.`;
  return {
    id: 'schema',
    label,
    status: 'warning',
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
