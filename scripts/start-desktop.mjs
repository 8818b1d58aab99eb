// Starts the desktop app (npm start) with the Electron binary from node_modules/electron.
// The binary is not fetched by `npm ci` here (ELECTRON_SKIP_BINARY_DOWNLOAD, allowScripts): the first run
// downloads it once through electron's own install.js; without internet it explains what to do.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(join(root, 'package.json'));

const electronDir = (() => {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
})();

const fail = (message) => {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
};

if (!electronDir) {
  fail('O pacote "electron" não está instalado. Rode "npm ci" (ou "npm install") na pasta do projeto.');
}

const pathFile = join(electronDir, 'path.txt');
const binaryPath = () => join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
const binaryPresent = () => existsSync(pathFile) && existsSync(binaryPath());

if (!binaryPresent()) {
  process.stdout.write(
    'O executável do Electron ainda não foi baixado (a instalação das dependências pula esse download).\n' +
      'Baixando uma única vez com "node node_modules/electron/install.js"…\n',
  );
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  delete env.npm_config_electron_skip_binary_download;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !binaryPresent()) {
    fail(
      [
        'Não foi possível baixar o Electron (sem acesso ao GitHub ou ao espelho configurado).',
        'Escolha uma das saídas:',
        '  1. Numa máquina com internet, rode "node node_modules/electron/install.js" nesta mesma versão do projeto',
        '     e copie a pasta node_modules/electron/dist e o arquivo node_modules/electron/path.txt para cá; ou',
        '  2. aponte para um espelho acessível e rode de novo:',
        '       ELECTRON_MIRROR=https://seu-espelho/electron/ npm start',
        '     (ou copie o zip electron-vVERSÃO-PLATAFORMA.zip para o cache indicado por electron_config_cache); ou',
        '  3. use o modo sem janela, que não precisa do Electron: "npm run demo" ou "npm run cli -- serve".',
      ].join('\n'),
    );
  }
}

const args = ['.', ...process.argv.slice(2)];
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set by some shells/IDEs; it would start Electron as plain Node
const child = spawn(binaryPath(), args, { cwd: root, env, stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (error) => fail(`Não foi possível iniciar o Electron: ${error.message}`));
