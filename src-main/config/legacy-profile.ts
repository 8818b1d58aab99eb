import { copyFileSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** What the desktop app kept in its Windows profile before ADR 0308, and now keeps in the data folder. */
const FILES = ['settings.json', 'secret.key'];
const FOLDERS = ['demo'];

/**
 * First start after the upgrade that moved the desktop app's data from its profile
 * (%APPDATA%\Integrador WinThor Ciashop) to the machine's data folder: copies the settings, the key file and
 * the demo folder there, when the data folder has no settings yet. The profile keeps its copies, so an
 * interrupted copy loses nothing (settings.json goes last: it is what marks the move as done). Secrets the
 * desktop encrypted with DPAPI are re-encrypted with the data folder's key file when the settings open
 * (SettingsService with a reader cipher). Returns what was copied.
 */
export const moveLegacyProfile = (profileDir: string, dataDir: string): string[] => {
  if (profileDir === dataDir || existsSync(join(dataDir, 'settings.json'))) return [];
  if (!existsSync(join(profileDir, 'settings.json'))) return [];
  mkdirSync(dataDir, { recursive: true });
  const copied: string[] = [];
  for (const name of FOLDERS) {
    if (existsSync(join(profileDir, name)) && !existsSync(join(dataDir, name))) {
      cpSync(join(profileDir, name), join(dataDir, name), { recursive: true, errorOnExist: true });
      copied.push(`${name}/`);
    }
  }
  for (const name of [...FILES].reverse()) {
    if (existsSync(join(profileDir, name)) && !existsSync(join(dataDir, name))) {
      copyFileSync(join(profileDir, name), join(dataDir, name));
      copied.push(name);
    }
  }
  return copied;
};
