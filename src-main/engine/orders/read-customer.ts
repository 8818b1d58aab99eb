import { digitsOf, isValidCnpj, isValidCpf } from './brazil-rules';
import { subjectLabel, type OrderCustomer, type OrderProblem, type ProblemSubject } from './order-input';
import { addressOf, problem, text } from './order-fields';
import { hasLetters, latinText } from './text-rules';

/**
 * Reads the customer of a store order's billing block (or of a store customer) and checks what the store
 * alone can get wrong: the name, CPF/CNPJ check digits, a company's IE.
 */
export const readCustomer = (
  /** Who the messages name: an order ("Pedido 123") or a store customer ("Cliente 5001 da loja"). */
  subject: ProblemSubject,
  billing: Record<string, unknown>,
  /** Where the fields are in the store's document: "billing." for an order, "" for a customer. */
  prefix = 'billing.',
): { ok: true; customer: OrderCustomer } | { ok: false; problem: OrderProblem } => {
  const label = subjectLabel(subject);
  const who = { id: subject.id, context: subject.kind === 'order' ? 'order' : 'customer' };
  const name = latinText(text(billing.name));
  if (!hasLetters(name))
    return problem({
      kind: 'nome_invalido',
      message: `${label}: o nome do cliente (${prefix}name) está vazio ou não tem letras que o WinThor grave ("${text(billing.name)}").`,
      fix: 'Informe na loja o nome do cliente com letras latinas (acentos são aceitos) e aguarde a próxima execução.',
      params: { ...who, field: `${prefix}name`, value: text(billing.name) },
    });
  const raw = text(billing.documentId);
  const document = digitsOf(raw);
  if (document === '')
    return problem({
      kind: 'documento_invalido',
      message: `${label}: cliente sem CPF/CNPJ (${prefix}documentId).`,
      fix: 'Informe o CPF ou CNPJ do cliente na loja; o WinThor exige o documento para faturar.',
      params: {
        id: subject.id,
        context: subject.kind === 'order' ? 'order_empty' : 'customer_empty',
        field: `${prefix}documentId`,
      },
    });
  const company = document.length === 14;
  const docType = company ? 'CNPJ' : document.length === 11 ? 'CPF' : 'CPF/CNPJ';
  const rightLength = document.length === 11 || company;
  if (document.length === 11 ? !isValidCpf(document) : !company || !isValidCnpj(document))
    return problem({
      kind: 'documento_invalido',
      message: `${label}: ${docType} inválido "${raw}" (${prefix}documentId): ${rightLength ? 'dígito verificador não confere' : `${document.length} dígitos`}.`,
      fix: 'Corrija o CPF (11 dígitos) ou CNPJ (14 dígitos) do cliente na loja e aguarde a próxima execução.',
      params: {
        ...who,
        docType,
        document: raw,
        field: `${prefix}documentId`,
        reason: rightLength ? '@pendingPart.checkDigit' : '@pendingPart.digitCount',
        digits: document.length,
      },
    });
  const ieText = text(billing.regionalDocumentId);
  const ieType = text(billing.regionalDocumentType).toUpperCase();
  if (company && ieText === '')
    return problem({
      kind: 'sem_ie',
      message: `${label}: empresa (CNPJ ${raw}) sem inscrição estadual (${prefix}regionalDocumentId).`,
      fix: 'Informe na loja a inscrição estadual da empresa, ou "ISENTO" se ela não tiver, e aguarde a próxima execução.',
      params: { ...who, document: raw, field: `${prefix}regionalDocumentId` },
    });
  const phone = `${digitsOf(text(billing.phoneAreaCode))}${digitsOf(text(billing.phoneNumber) || text(billing.phone))}`;
  return {
    ok: true,
    customer: {
      name,
      document,
      company,
      ie: company ? ieText : ieType === 'IE' && ieText ? ieText : null,
      email: text(billing.email) || null,
      phone: phone || null,
      billing: addressOf(billing, name),
    },
  };
};
