// Reads what electron-builder produced: the archive's entries and header hash (@electron/asar) and the
// executable's resources (resedit), both brought by electron-builder.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Asar from '@electron/asar';
import type * as ResEditModule from 'resedit';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as typeof Asar;
const ResEdit = require('resedit') as typeof ResEditModule;

/** Every path in the archive (`/dist/main/app.cjs`, …), unpacked files included. */
export const asarEntries = (archive: string): string[] =>
  asar.listPackage(archive, { isPack: false }).map((entry) => entry.replace(/\\/g, '/'));

/** What Electron checks against the executable's ELECTRONASAR resource: SHA-256 of the archive header. */
export const asarIntegrityOf = (archive: string): string =>
  createHash('sha256').update(asar.getRawHeader(archive).headerString).digest('hex');

const RT_GROUP_ICON = 14;

export interface ExeResources {
  strings: Record<string, string>;
  iconGroups: number;
  integrity: unknown;
}

/** The version strings, icon groups and asar-integrity list of a Windows executable. */
export const exeResources = (exePath: string): ExeResources => {
  const exe = ResEdit.NtExecutable.from(readFileSync(exePath));
  const resources = ResEdit.NtExecutableResource.from(exe);
  const [version] = ResEdit.Resource.VersionInfo.fromEntries(resources.entries);
  const [language] = version?.getAllLanguagesForStringValues() ?? [];
  const integrity = resources.entries.find(
    (entry) => entry.type === 'INTEGRITY' && entry.id === 'ELECTRONASAR',
  );
  return {
    strings: version && language ? version.getStringValues(language) : {},
    iconGroups: resources.entries.filter((entry) => entry.type === RT_GROUP_ICON).length,
    integrity: integrity ? JSON.parse(Buffer.from(integrity.bin).toString('utf8')) : undefined,
  };
};
