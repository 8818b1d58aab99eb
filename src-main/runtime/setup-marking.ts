import type { Handlers } from '../api/handlers';
import type { Settings } from '../contract';
import { smtpPasswordTarget, storeTokenTarget } from '../contract/secret-targets';
import type { SetupMarksStore } from './setup-marks-file';

/**
 * The handlers whose success is a step of the first-run guide the product cannot read back (ADR 0404):
 * "Testar conexão" of a branch's store, "Enviar teste" of its e-mail, its first-sync preview. Each OK
 * answer is marked with its target; then `changed` asks for a new measure. The answers are unchanged.
 * The preview's mark closes only the first half of step 8: it never releases a held catalogue (ADR 0406).
 */
export const withSetupMarks = (
  handlers: Handlers,
  marks: SetupMarksStore,
  settings: () => Settings,
  changed: () => void,
): Handlers => ({
  ...handlers,
  'store.test': async (input, context) => {
    const result = await handlers['store.test'](input, context);
    if (result.ok && input.branch !== undefined) {
      const saved = settings().branches.find((branch) => branch.code === input.branch);
      marks.mark('storeTested', input.branch, storeTokenTarget(input.url ?? saved?.store.url ?? ''));
      changed();
    }
    return result;
  },
  'email.test': async (input, context) => {
    const result = await handlers['email.test'](input, context);
    const saved = settings().branches.find((branch) => branch.code === input.branch)?.email;
    const email = input.email ?? saved;
    if (result.ok && email) {
      marks.mark('mailTested', input.branch, smtpPasswordTarget(email));
      changed();
    }
    return result;
  },
  'sync.preview': async (input, context) => {
    const result = await handlers['sync.preview'](input, context);
    const saved = settings().branches.find((branch) => branch.code === input.branch);
    if (saved) {
      marks.mark('previewSeen', input.branch, storeTokenTarget(saved.store.url));
      changed();
    }
    return result;
  },
  'db.install': async (input, context) => {
    try {
      return await handlers['db.install'](input, context);
    } finally {
      changed();
    }
  },
});
