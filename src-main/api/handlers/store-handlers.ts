import { AppError, type MessageKey } from '../../shared/app-error';
import { SECRET_MASK } from '../../contract';
import type { HandlerGroup } from '../handlers';
import { testStoreConnection, type ConnectionTestOptions } from '../../ciashop/connection-test';
import { storeTokenTarget } from '../../contract/secret-targets';
import { normaliseStoreUrl } from '../../shared/store-url';
import type { StoreClientRegistry } from '../../ciashop/store-registry';

const describeUrlProblem = (url: string): { message: string; ref?: MessageKey } | undefined => {
  try {
    normaliseStoreUrl(url);
    return undefined;
  } catch (error) {
    if (error instanceof AppError)
      return {
        message: `${error.message}${error.fix ? ` ${error.fix}` : ''}`,
        ...(error.messageRef ? { ref: error.messageRef } : {}),
      };
    return { message: (error as Error).message };
  }
};

export const storeHandlers = (
  stores: StoreClientRegistry,
  testOptions: ConnectionTestOptions = {},
): HandlerGroup<'store.test' | 'store.state'> => ({
  'store.test': async (input) => {
    // An empty URL field is tested as empty (a URL failure), never replaced by the saved URL.
    let url = input.url;
    let token = input.token;
    const savedToken = token === undefined || token === SECRET_MASK;
    // The saved branch is read only when something saved is needed: a new branch not yet saved can be
    // tested with the URL and token typed on the screen.
    if (input.branch !== undefined && (url === undefined || savedToken)) {
      const saved = stores.branch(input.branch).store;
      if (url === undefined) url = saved.url;
      if (savedToken) {
        // The saved token only ever goes to the saved store: testing another URL needs the token typed.
        const urlProblem = describeUrlProblem(url);
        if (urlProblem) {
          // The typed URL itself is wrong: say so (nothing is sent anywhere).
          return {
            ok: false,
            failed: 'url',
            message: urlProblem.message,
            ...(urlProblem.ref ? { messageRef: urlProblem.ref } : {}),
            apiRoot: null,
            apiLimit: null,
          };
        }
        if (storeTokenTarget(url) !== storeTokenTarget(saved.url)) {
          return {
            ok: false,
            failed: 'token',
            message:
              'Token: para testar uma URL diferente da salva, digite o token dessa loja (o token guardado só é enviado à URL guardada).',
            messageRef: { key: 'store.test.tokenRetarget' },
            apiRoot: null,
            apiLimit: null,
          };
        }
        token = saved.token;
      }
    }
    const timeout = input.timeoutSeconds === undefined ? {} : { timeoutMs: input.timeoutSeconds * 1000 };
    return testStoreConnection({ url: url ?? '', token: token ?? '' }, { ...testOptions, ...timeout });
  },
  'store.state': async () => ({ branches: stores.states() }),
});
