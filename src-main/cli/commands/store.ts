import type { Command } from 'commander';
import { AppError } from '../../shared/app-error';
import type { STORE_CONNECTION_PARTS } from '../../contract';
import { withCommandRuntime } from '../../runtime/command-runtime';
import { commandDataDir } from '../command-data-dir';
import { printResult, type GlobalOptions } from '../output';

interface StoreTestOptions {
  url: string;
  token: string;
  timeout?: string;
}

type ConnectionPart = (typeof STORE_CONNECTION_PARTS)[number];

/** The longest wait the API accepts for "Testar conexão" (contract: store.test timeoutSeconds). */
const MAX_TIMEOUT_SECONDS = 300;

/** `--timeout`: a positive number of seconds, at most 300; anything else leaves the default (10 s). */
const timeoutOf = (text: string | undefined): { timeoutSeconds?: number } => {
  const seconds = Number(text ?? '10');
  return Number.isFinite(seconds) && seconds > 0
    ? { timeoutSeconds: Math.min(seconds, MAX_TIMEOUT_SECONDS) }
    : {};
};

/** Exit codes of `store test` (documented in --help): 0 OK, 3 URL, 4 token, 5 network, 6 the store's error. */
export const STORE_TEST_EXIT: Record<Exclude<ConnectionPart, 'none'>, number> = {
  url: 3,
  token: 4,
  network: 5,
  store: 6,
};

const FIELDS: Record<Exclude<ConnectionPart, 'none'>, string | undefined> = {
  url: 'store.url',
  token: 'store.token',
  network: undefined,
  store: undefined,
};
const FIXES: Record<Exclude<ConnectionPart, 'none'>, string> = {
  url: 'Corrija a URL da loja (--url), por exemplo https://www.minhaloja.com.br.',
  token: 'Corrija o token (--token): copie-o de novo do painel da loja.',
  network: 'Confira a rede deste computador (proxy, firewall, DNS) e a URL da loja.',
  store: 'A loja está com erro ou limitando chamadas agora: tente de novo em alguns minutos.',
};

class StoreTestFailure extends AppError {
  constructor(
    message: string,
    part: Exclude<ConnectionPart, 'none'>,
    readonly exitCode: number,
  ) {
    const field = FIELDS[part];
    super(`store_test_${part}`, message, { fix: FIXES[part], ...(field ? { field } : {}) });
  }
}

export const registerStore = (program: Command): void => {
  const store = program.command('store').description('Loja virtual (TOTVS e-commerce / Ciashop)');
  store
    .command('test')
    .description(
      'Testa a conexão com a loja, como o botão "Testar conexão". Saída: 0 = OK; 3 = URL errada; 4 = token recusado; 5 = rede; 6 = a loja respondeu com erro.',
    )
    .requiredOption(
      '--url <url>',
      'URL da loja (domínio, *.myciashop.com.br, www9.ciashop.com.br/loja ou …/manager)',
    )
    .requiredOption('--token <token>', 'token de acesso da API da loja')
    .option('--timeout <segundos>', 'tempo máximo de espera pela loja (até 300)', '10')
    .action(async (options: StoreTestOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      // The same API method as the "Testar conexão" button, on settings in memory: nothing is read or saved.
      const result = await withCommandRuntime(
        { dataDir: commandDataDir(globals, false), settings: 'none' },
        (runtime) =>
          runtime.api.invoke(
            'store.test',
            { url: options.url, token: options.token, ...timeoutOf(options.timeout) },
            { origin: 'cli' },
          ),
      );
      if (result.ok) {
        printResult(globals, result.message, result);
        return;
      }
      const part = result.failed === 'none' ? 'network' : result.failed;
      throw new StoreTestFailure(result.message, part, STORE_TEST_EXIT[part]);
    });
};
