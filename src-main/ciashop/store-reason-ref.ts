import { messageRef, type MessageRef } from '../contract/messages';
import type { StoreError } from './store-error';

/**
 * The key of a failed store call's reason for the UI's other languages (ADR 0025): by the error's kind, with
 * the HTTP status (0: no answer) and the call. The pt-BR `reason` stays the text a pt-BR UI shows.
 */
export const storeReasonRef = (error: StoreError): MessageRef =>
  messageRef(`store.reason.${error.kind}`, {
    status: error.status,
    call: error.method && error.path ? `${error.method} ${error.path}` : '',
  });
