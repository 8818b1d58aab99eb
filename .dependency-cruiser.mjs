// dependency-cruiser: the layer rules of docs/architecture.md, run by `npm run lint` (ADR 0013).
// Paths are relative to the repository root. Folder cycles: .dependency-cruiser.folders.mjs.
//
//   hosts (app, server, cli) → runtime → api → engine → adapters → ground (contract → shared)
//
// A layer imports only layers below it; adapters never import each other. Test code (TEST_CODE)
// is a leaf nobody imports: it may reach any layer, except a host from outside the hosts.
import { fileURLToPath } from 'node:url';

const folders = (...names) => `^src-main/(${names.join('|')})/`;

const ADAPTER_NAMES = ['winthor', 'ciashop', 'mail', 'config', 'sandbox'];
const HOSTS = folders('app', 'server', 'cli');
const RUNTIME = folders('runtime');
const API = folders('api');
const ENGINE = folders('engine');
const ADAPTERS = folders(...ADAPTER_NAMES);
const GROUND = folders('contract', 'shared');
const KNOWN = folders(
  'app',
  'server',
  'cli',
  'runtime',
  'api',
  'engine',
  ...ADAPTER_NAMES,
  'contract',
  'shared',
);

/** Tests and their helpers. */
export const TEST_CODE =
  '(\\.test\\.tsx?$|\\.test-support\\.tsx?$|/test-support\\.ts$|/testing/|/test/|/test-setup\\.ts$)';

/** What the engine reaches only through adapters (resolved into node_modules, or unresolved by name). */
const INFRASTRUCTURE = '(fastify|@fastify/[^/]+|oracledb|better-sqlite3|axios|undici|electron)';

const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    rule(
      'layer-unknown-folder',
      'Every file of src-main but test code lives in a layer folder of docs/architecture.md; a new folder gets its rule first.',
      { path: '^src-main/', pathNot: [KNOWN, TEST_CODE] },
      {},
    ),
    rule(
      'ground-shared-imports-nothing',
      'The shared kernel (src-main/shared) imports nothing else of src-main.',
      { path: folders('shared'), pathNot: TEST_CODE },
      { path: '^src-main/', pathNot: folders('shared') },
    ),
    rule(
      'ground-contract-imports-only-shared',
      'The contract imports only itself and the shared kernel: the renderer imports it.',
      { path: folders('contract'), pathNot: TEST_CODE },
      { path: '^src-main/', pathNot: GROUND },
    ),
    rule(
      'adapter-imports-only-ground',
      'An adapter (winthor, ciashop, mail, config, sandbox) imports itself and the ground only: ' +
        'no api, engine, runtime, host, nor another adapter (tests may use the sandbox and the other adapters).',
      { path: `^src-main/(${ADAPTER_NAMES.join('|')})/`, pathNot: [TEST_CODE] },
      { path: '^src-main/', pathNot: ['^src-main/$1/', GROUND] },
    ),
    rule(
      'engine-imports-only-below',
      'The engine imports itself, the adapters and the ground: no api, runtime or host.',
      { path: ENGINE, pathNot: TEST_CODE },
      { path: '^src-main/', pathNot: [ENGINE, ADAPTERS, GROUND] },
    ),
    rule(
      'engine-no-infrastructure',
      'The engine imports no HTTP framework, database driver, HTTP client or electron: adapters do.',
      { path: ENGINE },
      { path: [`(^|/)node_modules/${INFRASTRUCTURE}/`, `^${INFRASTRUCTURE}$`] },
    ),
    rule(
      'api-imports-only-below',
      'The API (dispatcher, handlers) imports the engine, the adapters and the ground: no runtime or host.',
      { path: API, pathNot: TEST_CODE },
      { path: '^src-main/', pathNot: [API, ENGINE, ADAPTERS, GROUND] },
    ),
    rule(
      'runtime-imports-no-host',
      'The composition root wires api, engine and adapters for the hosts; it does not know them.',
      { path: RUNTIME },
      { path: HOSTS },
    ),
    rule(
      'runtime-only-from-hosts',
      'Only hosts (and tests) import the composition root.',
      { pathNot: [HOSTS, RUNTIME, TEST_CODE] },
      { path: RUNTIME },
    ),
    rule(
      'host-server-imports-no-other-host',
      'The desktop app and the command line may start the HTTP server; the server knows neither.',
      { path: folders('server') },
      { path: folders('app', 'cli') },
    ),
    rule(
      'host-app-and-cli-apart',
      'The Electron host and the command line do not import each other.',
      { path: folders('app', 'cli') },
      { path: folders('app', 'cli'), pathNot: '^src-main/$1/' },
    ),
    rule(
      'test-not-to-host',
      'Outside the hosts, not even a test imports a host.',
      { path: TEST_CODE, pathNot: HOSTS },
      { path: HOSTS },
    ),
    rule(
      'renderer-imports-only-contract',
      'From the main process, the renderer imports only the contract (through @contract).',
      { path: '^src-renderer/' },
      { path: '^src-main/', pathNot: folders('contract') },
    ),
    rule(
      'main-not-to-renderer',
      'The main process does not import the renderer.',
      { path: '^src-main/' },
      { path: '^src-renderer/' },
    ),
    rule(
      'production-not-to-test-code',
      'Production code does not import tests or test helpers.',
      { pathNot: TEST_CODE },
      { path: TEST_CODE },
    ),
    rule('no-circular', 'No import cycle between modules (type-only imports count).', {}, { circular: true }),
    rule(
      'not-to-unresolvable',
      'Every import resolves; otherwise the rules above cannot see where it goes.',
      {},
      { couldNotResolve: true },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // The renderer's tsconfig maps @contract. Absolute, because a relative name finds no inputs.
    tsConfig: { fileName: fileURLToPath(new URL('./src-renderer/tsconfig.json', import.meta.url)) },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
