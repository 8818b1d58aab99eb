import type { mappingsPtBR } from './mappings.pt-BR';

export const mappingsEn: typeof mappingsPtBR = {
  branch: 'Branch',
  branchHint: 'Each branch has its own mappings.',
  noBranches: 'No branch configured. Add the branch in Settings before mapping its codes.',
  newMapping: 'New mapping',
  editMapping: 'Edit the mapping of "{{code}}"',
  description: 'Description (optional)',
  descriptionHint: 'To recognise the row (e.g. the name the store uses).',
  add: 'Add',
  saveEdit: 'Save change',
  cancelEdit: 'Cancel editing',
  edit: 'Edit {{code}}',
  remove: 'Remove {{code}}',
  removeTitle: 'Remove the mapping?',
  removeText:
    'Orders with the code "{{code}}" will wait as pending until it is mapped again. Remove the mapping of "{{code}}"?',
  added: 'Mapping added.',
  updated: 'Mapping changed.',
  removed: 'Mapping removed.',
  list: 'Mappings of branch {{branch}}',
  empty: 'No mapping in this branch yet.',
  columnStore: 'Store code',
  columnWinthor: 'WinThor code',
  columnDescription: 'Description',
  columnActions: 'Actions',
  missingInWinthor: 'not in WinThor',
  blocked: 'blocked in WinThor',
  required: 'Required: {{field}}.',
  duplicate:
    'The code "{{code}}" is already mapped in this branch: edit the existing row instead of adding another.',
  planFormat:
    'Instalments in the store: "{{code}}" is not an instalment code. Use the number of instalments (1 to 99) or method:instalments, with a payment method without spaces — for example 3 or CreditCard:3.',
  otherFormMapped:
    '"{{code}}" is the same shipping method as "{{mapped}}" (id {{id}}, name "{{name}}"), already mapped in this branch to carrier {{winthor}}: edit that row instead of mapping the shipping method twice.',
  nothingFound: 'No code found',
  winthorLoading: 'Loading the WinThor list…',
  seenTitle: 'Codes seen on orders with no mapping',
  seenAllMapped: 'Every code seen on the orders is mapped.',
  seenNone: 'No order read yet carries this kind of code.',
  seenFromOrders: 'Recorded by the import of {{count}} order(s), up to {{at}}.',
  seenFromStore: 'Read from {{count}} order(s) waiting for import in the store, at {{at}}.',
  seenLine: '{{count}} order(s), the last on {{at}}',
  seenLineNoDate: '{{count}} order(s)',
  seenProblem: 'The orders’ codes could not be read',
  map: 'Map',
  mapCode: 'Map {{code}}',
  refresh: 'Read the store again',
  suggestionsLabel: 'Seen on orders',
  planDetail: '{{installments}} instalment(s), {{days}} days',
  kinds: {
    billing: {
      intro:
        'Map each payment method of the store’s orders to a WinThor billing type (PCCOB). The order import uses these mappings; an order whose payment method has no mapping waits as pending until it is mapped.',
      storeCode: 'Payment method in the store',
      storeCodeHint: 'As the orders carry it (e.g. CreditCard, Boleto, Pix). Pick from the list or type it.',
      winthorCode: 'WinThor billing type',
    },
    plans: {
      intro:
        'Map the number of instalments of the store’s orders to a WinThor payment plan (PCPLPAG). Use "method:instalments" (e.g. CreditCard:3) for a plan that holds for one payment method only; it wins over the number of instalments alone.',
      storeCode: 'Instalments in the store',
      storeCodeHint: 'Number of instalments (e.g. 3) or method:instalments (e.g. CreditCard:3).',
      winthorCode: 'WinThor payment plan',
    },
    carriers: {
      intro:
        'Map each shipping method of the store’s orders to a WinThor carrier (suppliers of type T in PCFORNEC). An order whose shipping method has no mapping waits as pending until it is mapped.',
      storeCode: 'Shipping method in the store',
      storeCodeHint: 'The shipping method’s code (id) or its name, as the orders carry it.',
      winthorCode: 'WinThor carrier',
    },
  },
};
