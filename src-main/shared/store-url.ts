import { AppError } from './app-error';
import { isLoopbackAddress } from './loopback';

const FIELD = 'store.url';
const EXAMPLES =
  'Exemplos: https://www.minhaloja.com.br, https://minhaloja.myciashop.com.br, https://www9.ciashop.com.br/minhaloja ou o endereço do painel …/minhaloja/manager.';

/**
 * What is safe to repeat of a typed address in a message: no user, password, query or fragment (a token
 * pasted into the URL must not end up on screen or in a log).
 */
const shownAddress = (text: string): string => {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^?#]*)/i.exec(text);
  const shown = `${match?.[1] ?? ''}${match?.[2] ?? ''}`;
  return shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
};

/**
 * Turns what a person pastes into "URL da loja" into the API root `{base}/api/v1/` (ADR 0201).
 * Accepts the store's own domain, `*.myciashop.com.br`, `www9.ciashop.com.br/{store}`, the manager URL
 * (`…/{store}/manager[/anything]`) and an URL that already ends in `/api/v1`. https is required except
 * for loopback addresses (the local sandbox).
 */
export const normaliseStoreUrl = (input: string): string => {
  const text = input.trim();
  if (!text) {
    throw new AppError('store_url_required', 'URL da loja: informe o endereço da loja virtual.', {
      field: FIELD,
      fix: EXAMPLES,
      messageRef: { key: 'store.url.required' },
      fixRef: { key: 'store.url.examples' },
    });
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AppError(
      'store_url_invalid',
      `URL da loja: "${shownAddress(text)}" não é um endereço válido.`,
      {
        field: FIELD,
        fix: EXAMPLES,
        messageRef: { key: 'store.url.invalid', params: { address: shownAddress(text) } },
        fixRef: { key: 'store.url.examples' },
      },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('store_url_invalid', `URL da loja: use um endereço https, não "${url.protocol}".`, {
      field: FIELD,
      fix: EXAMPLES,
      messageRef: { key: 'store.url.scheme', params: { scheme: url.protocol } },
      fixRef: { key: 'store.url.examples' },
    });
  }
  if (url.protocol === 'http:' && !isLoopbackAddress(url.hostname)) {
    throw new AppError(
      'store_url_https',
      'URL da loja: a loja precisa ser acessada por https (conexão segura); o token não pode trafegar sem criptografia.',
      {
        field: FIELD,
        fix: `Troque "http://" por "https://" em ${shownAddress(text)}.`,
        messageRef: { key: 'store.url.https' },
        fixRef: { key: 'store.url.httpsFix', params: { address: shownAddress(text) } },
      },
    );
  }
  if (!url.hostname || url.username || url.password) {
    throw new AppError(
      'store_url_invalid',
      `URL da loja: "${shownAddress(text)}" não é um endereço válido${url.username || url.password ? ' (não inclua usuário ou senha no endereço)' : ''}.`,
      {
        field: FIELD,
        fix: EXAMPLES,
        messageRef: {
          key: url.username || url.password ? 'store.url.credentials' : 'store.url.invalid',
          params: { address: shownAddress(text) },
        },
        fixRef: { key: 'store.url.examples' },
      },
    );
  }
  let segments = url.pathname.split('/').filter((segment) => segment.length > 0);
  const manager = segments.findIndex((segment) => segment.toLowerCase() === 'manager');
  if (manager >= 0) segments = segments.slice(0, manager);
  // An address copied from an API call (…/api/v1/products/12) or ending in /api: the store is what comes
  // before the first "api".
  const lower = segments.map((segment) => segment.toLowerCase());
  const api = lower.findIndex((segment, index) => segment === 'api' && (lower[index + 1] ?? 'v1') === 'v1');
  if (api >= 0) segments = segments.slice(0, api);
  const path = segments.length ? `/${segments.join('/')}` : '';
  return `${url.protocol}//${url.host}${path}/api/v1/`;
};
