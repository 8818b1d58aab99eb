import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEWER_VERSION_EXIT_CODE } from '../config/settings-file';
import { AppError } from '../shared/app-error';
import { compareVersions } from '../shared/version-order';

/** The last app version that ran on a data folder (ADR 0309). */
export const DATA_FOLDER_VERSION_FILE = 'versao-do-integrador.json';

interface VersionRecord {
  version: string;
  since: string;
}

const readRecord = (file: string): VersionRecord | null => {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<VersionRecord>;
    return typeof parsed.version === 'string'
      ? { version: parsed.version, since: String(parsed.since ?? '') }
      : null;
  } catch {
    return null;
  }
};

/** A data folder a newer version already used: that version may have migrated what is in it. */
export class DowngradeRefusedError extends AppError {
  readonly exitCode = NEWER_VERSION_EXIT_CODE;

  constructor(dataDir: string, used: string, current: string) {
    super(
      'downgrade_refused',
      `A pasta de dados ${dataDir} já foi usada pela versão ${used} do integrador, mais nova que esta (${current}). Voltar para uma versão anterior não é suportado: as configurações e as tabelas da integração podem já estar no formato da versão nova. Nada foi alterado.`,
      {
        fix: `Instale a versão ${used} ou mais nova (o instalador mantém as configurações). Para voltar mesmo assim, restaure a cópia da pasta de dados feita antes da atualização.`,
      },
    );
  }
}

/**
 * Checked by each host before it reads anything of the data folder: refuses an app older than the last one
 * that ran there, and otherwise records this version. Returns the version that ran before (null: first run).
 */
export const checkDataFolderVersion = (dataDir: string, version: string, now = new Date()): string | null => {
  const file = join(dataDir, DATA_FOLDER_VERSION_FILE);
  const previous = readRecord(file);
  const order = previous ? compareVersions(previous.version, version) : null;
  if (previous && order !== null && order > 0)
    throw new DowngradeRefusedError(dataDir, previous.version, version);
  if (!previous || previous.version !== version) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify({ version, since: now.toISOString() }, null, 2)}\n`);
  }
  return previous?.version ?? null;
};
