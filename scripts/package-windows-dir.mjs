// Builds the unpacked Windows app (electron-builder --win --x64 --dir) where neither Electron nor
// electron-builder's tools can be downloaded (ADR 0305): the bundles are built into a staging folder, and
// electron-builder gets a stand-in Electron distribution (`electronDist`) instead of the Electron zip.
// It packs exactly what the real build packs (electron-builder.yml: files, asar, unpack, integrity and
// version resources of the executable); only the rebuild of the native modules for Electron's ABI is
// skipped, so the shared node_modules is never touched. scripts/packaging.test.ts checks the result.
// Usage: node scripts/package-windows-dir.mjs [work folder]   (prints the unpacked app's folder)
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  linkSync,
  readdirSync,
  readlinkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

/** Files of the project electron-builder reads besides the bundles. */
const PROJECT_FILES = [
  'package.json',
  'package-lock.json',
  'electron-builder.yml',
  'assets',
  'scripts/windows',
];

const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) {
    throw new Error(
      `${[command, ...args].join(' ')} terminou com ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
};

/**
 * What electron-builder copies from an Electron zip for Windows: the executable (renamed to the app's
 * executableName, then given the app's icon, version and asar-integrity resources — so it must be a real
 * PE file with a version resource) and the license files. Made with resedit, which electron-builder brings.
 */
export const createStandInElectron = (dir, electronVersion) => {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const ResEdit = require('resedit');
  const exe = ResEdit.NtExecutable.createEmpty(false, false);
  const resources = ResEdit.NtExecutableResource.from(exe);
  const version = ResEdit.Resource.VersionInfo.createEmpty();
  version.lang = 1033;
  version.setStringValues(
    { lang: 1033, codepage: 1200 },
    {
      ProductName: 'Electron',
      FileDescription: `Electron ${electronVersion} (substituto para o empacotamento)`,
    },
  );
  version.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  writeFileSync(join(dir, 'electron.exe'), Buffer.from(exe.generate()));
  writeFileSync(join(dir, 'LICENSE'), 'Electron stand-in: no binary here.\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  writeFileSync(join(dir, 'version'), `${electronVersion}\n`);
  return dir;
};

/**
 * The project's node_modules in the stage as hard links (a copy where the stage is on another disk). Not a
 * symlink: npm 11 then sees every package as a link outside the stage and reports their dependencies
 * missing (`bindings` of better-sqlite3…), and electron-builder silently leaves them out of the app.
 */
const linkTree = (from, to) => {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
};

/** Builds everything into `workDir` and returns where the unpacked app and its parts are. */
export const packageWindowsDir = (workDir = mkdtempSync(join(tmpdir(), 'wtc-package-'))) => {
  const stage = join(workDir, 'stage');
  for (const file of PROJECT_FILES) cpSync(join(root, file), join(stage, file), { recursive: true });
  linkTree(realpathSync(join(root, 'node_modules')), join(stage, 'node_modules'));
  run(process.execPath, [join(root, 'scripts/build-main.mjs'), '--out-dir', join(stage, 'dist/main')], root);
  run(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(root, 'src-renderer/vite.config.ts'),
      '--outDir',
      join(stage, 'dist/renderer'),
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    root,
  );
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const electronDist = createStandInElectron(join(workDir, 'electron-dist'), electronVersion);
  const output = join(workDir, 'release');
  const log = run(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--win',
      '--x64',
      '--dir',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
    ],
    stage,
  );
  const appDir = join(output, 'win-unpacked');
  return {
    workDir,
    stage,
    output,
    appDir,
    asar: join(appDir, 'resources', 'app.asar'),
    unpacked: join(appDir, 'resources', 'app.asar.unpacked'),
    electronVersion,
    log,
  };
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = packageWindowsDir(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(result.appDir);
}
