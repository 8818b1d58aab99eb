import type { Branch } from '@contract';

export type BranchEmail = Branch['email'];

/** What the form edits: the saved e-mail settings, the recipients as the text people type. */
export interface EmailFormValues extends Omit<BranchEmail, 'to'> {
  to: string;
}

export const toFormValues = (email: BranchEmail): EmailFormValues => ({ ...email, to: email.to.join(', ') });

export const fromFormValues = (values: EmailFormValues): BranchEmail => ({
  ...values,
  to: values.to
    .split(/[,;\s]+/)
    .map((address) => address.trim())
    .filter(Boolean),
});

/** The same rule as the server's (contract EMAIL_ADDRESS), for a message before anything is sent. */
export const looksLikeAddress = (address: string): boolean =>
  /^[^\s@<>(),;:"]+@[^\s@<>(),;:".]+(\.[^\s@<>(),;:".]+)+$/.test(address);
