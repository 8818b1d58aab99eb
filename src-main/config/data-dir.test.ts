import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import { explainAccessDenied, resolveDataDir } from './data-dir';

describe('data folder', () => {
  it('is %ProgramData%\\IntegradorWinThorCiashop on Windows unless WTC_DATA_DIR or --data-dir says otherwise', () => {
    expect(resolveDataDir(undefined, { ProgramData: 'C:\\ProgramData' }, 'win32')).toBe(
      'C:\\ProgramData\\IntegradorWinThorCiashop',
    );
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe(
      '/home/u/.config/IntegradorWinThorCiashop',
    );
  });

  it('explains a file another Windows account created, with the grant an administrator runs', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const explained = explainAccessDenied(
      denied,
      'C:\\ProgramData\\IntegradorWinThorCiashop\\secret.key',
      'C:\\ProgramData\\IntegradorWinThorCiashop',
      'maria',
    );
    expect(explained).toBeInstanceOf(AppError);
    expect(explained).toMatchObject({
      code: 'data_folder_access',
      message:
        'Sem permissão para usar C:\\ProgramData\\IntegradorWinThorCiashop\\secret.key com a conta maria (EACCES).',
      fix: 'A pasta de dados foi criada por outra conta do Windows. Num prompt de administrador: icacls "C:\\ProgramData\\IntegradorWinThorCiashop" /grant "maria:(OI)(CI)M" /T',
    });
    const other = new Error('disco cheio');
    expect(explainAccessDenied(other, 'x', 'y', 'maria')).toBe(other);
  });
});
