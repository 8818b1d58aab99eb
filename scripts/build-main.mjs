// Bundles the main-process code with esbuild (docs/adr/0301-electron-main-bundle-format.md):
//   dist/main/app.cjs      Electron main process — CommonJS, every JS dependency inside (conf and
//                          electron-store are ESM-only and get converted), native modules external.
//   dist/main/preload.cjs  sandboxed preload — CommonJS, only `electron` external (a sandboxed preload
//                          cannot require anything else; checked below).
//   dist/main/cli.mjs      command line / headless host under a system Node — ESM, node_modules external.
//   dist/main/cli.cjs      the same, self-contained like app.cjs, for the installed app and the Windows
//                          service (run by the app's executable with ELECTRON_RUN_AS_NODE=1).
// Usage: node scripts/build-main.mjs [--out-dir <folder>]   (default dist/main; --watch is not supported)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { NATIVE_EXTERNALS } from './native-modules.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// Another folder for the packaging check (scripts/packaging.test.ts), which must not replace dist/ while
// other checks read it.
const { values: args } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const outDir = args['out-dir'] ? resolve(args['out-dir']) : join(root, 'dist', 'main');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// src-main/runtime/app-info.ts reads the version from here instead of package.json.
const define = { 'globalThis.__APP_VERSION__': JSON.stringify(pkg.version) };

// In a CommonJS bundle `import.meta.url` would be undefined; src-main/runtime/paths.ts and the desktop
// main use it to find package.json, dist/renderer, assets/ and preload.cjs. Give it the bundle's own URL.
const importMetaUrlShim = {
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { ...define, 'import.meta.url': '__importMetaUrl' },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

rmSync(outDir, { recursive: true, force: true });

/**
 * The contract's method and event names, read from src-main/contract at build time and inlined into
 * the preload: the preload then needs neither zod nor the schemas (a few KiB instead of ~750).
 */
const readContractNames = async () => {
  const tempDir = mkdtempSync(join(tmpdir(), 'wtc-contract-'));
  try {
    const file = join(tempDir, 'contract.mjs');
    await build({
      ...common,
      metafile: false,
      sourcemap: false,
      entryPoints: ['src-main/contract/index.ts'],
      outfile: file,
      format: 'esm',
    });
    const contract = await import(pathToFileURL(file).href);
    return { methods: [...contract.METHOD_NAMES], events: Object.keys(contract.events) };
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
};
const contractNames = await readContractNames();

const results = await Promise.all([
  build({
    ...common,
    ...importMetaUrlShim,
    entryPoints: { app: 'src-main/app/main.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: outDir,
    format: 'cjs',
    external: NATIVE_EXTERNALS,
  }),
  build({
    ...common,
    // No import.meta shim here: its banner would require('node:url'), which a sandboxed preload cannot.
    define: {
      ...define,
      __WTC_METHOD_NAMES__: JSON.stringify(contractNames.methods),
      __WTC_EVENT_NAMES__: JSON.stringify(contractNames.events),
    },
    entryPoints: { preload: 'src-main/app/preload.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: outDir,
    format: 'cjs',
    external: ['electron'],
  }),
  // The same command line, self-contained, for the installed app: resources/integrador-cli.cmd runs it
  // with the app's own executable as Node (ELECTRON_RUN_AS_NODE=1), which is also what the Windows
  // service runs (docs/windows-service.md). CommonJS because requiring from inside app.asar is the
  // path Electron has always supported.
  build({
    ...common,
    ...importMetaUrlShim,
    entryPoints: { cli: 'src-main/cli/main.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: outDir,
    format: 'cjs',
    external: NATIVE_EXTERNALS,
  }),
  build({
    ...common,
    define,
    entryPoints: { cli: 'src-main/cli/main.ts' },
    outExtension: { '.js': '.mjs' },
    outdir: outDir,
    format: 'esm',
    packages: 'external',
  }),
]);

// A sandboxed preload can require only 'electron' (and a few polyfilled modules): refuse anything else.
const preloadOutput = Object.entries(results[1].metafile.outputs).find(([file]) =>
  file.endsWith('preload.cjs'),
);
const preloadRequires = (preloadOutput?.[1].imports ?? []).filter(
  (item) => item.external && item.path !== 'electron',
);
const preloadText = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
for (const match of preloadText.matchAll(/require\(["']([^"']+)["']\)/g)) {
  if (match[1] !== 'electron') preloadRequires.push({ path: match[1], kind: 'require-call', external: true });
}
if (preloadRequires.length > 0) {
  console.error(
    `preload.cjs requer ${preloadRequires.map((item) => item.path).join(', ')}; um preload em sandbox só pode usar 'electron'.`,
  );
  process.exit(1);
}

// Tests and their helpers (`*.test.ts`, `*.test-support.ts`, docs/development.md) never ship: a production
// file importing one would pull vitest or test fixtures into the app. Refuse the build instead.
const testInputs = results.flatMap((result) =>
  Object.keys(result.metafile.inputs).filter(
    (file) => /\.test(-support)?\.tsx?$/.test(file) || /(^|\/)node_modules\/(vitest|@vitest)\//.test(file),
  ),
);
if (testInputs.length > 0) {
  console.error(
    `Os pacotes do processo principal incluem código de teste: ${[...new Set(testInputs)].join(', ')}. Um arquivo de produção importa um teste ou um *.test-support.ts; mova o que ele usa para um arquivo de produção.`,
  );
  process.exit(1);
}

for (const result of results) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    console.log(`${relative(root, resolve(root, file))}  ${(output.bytes / 1024).toFixed(0)} KiB`);
  }
}
