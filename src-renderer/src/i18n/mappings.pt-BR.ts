/** Cadastrar → Cobrança, Plano de Pagamento, Transportadora (pages/mappings). */
export const mappingsPtBR = {
  branch: 'Filial',
  branchHint: 'Cada filial tem seus próprios mapeamentos.',
  noBranches: 'Nenhuma filial configurada. Cadastre a filial em Configuração antes de mapear seus códigos.',
  newMapping: 'Novo mapeamento',
  editMapping: 'Editar mapeamento de "{{code}}"',
  description: 'Descrição (opcional)',
  descriptionHint: 'Para você reconhecer a linha (ex.: o nome que a loja usa).',
  add: 'Adicionar',
  saveEdit: 'Salvar alteração',
  cancelEdit: 'Cancelar edição',
  edit: 'Editar {{code}}',
  remove: 'Remover {{code}}',
  removeTitle: 'Remover o mapeamento?',
  removeText:
    'Pedidos com o código "{{code}}" ficarão pendentes até ele ser mapeado de novo. Remover o mapeamento de "{{code}}"?',
  added: 'Mapeamento adicionado.',
  updated: 'Mapeamento alterado.',
  removed: 'Mapeamento removido.',
  list: 'Mapeamentos da filial {{branch}}',
  empty: 'Nenhum mapeamento nesta filial ainda.',
  columnStore: 'Código na loja',
  columnWinthor: 'Código no WinThor',
  columnDescription: 'Descrição',
  columnActions: 'Ações',
  missingInWinthor: 'não existe no WinThor',
  blocked: 'bloqueada no WinThor',
  required: 'Obrigatório: {{field}}.',
  duplicate:
    'O código "{{code}}" já está mapeado nesta filial: edite a linha existente em vez de adicionar outra.',
  planFormat:
    'Parcelas na loja: "{{code}}" não é um parcelamento. Use o número de parcelas (1 a 99) ou forma:parcelas, com a forma de pagamento sem espaços — por exemplo 3 ou CreditCard:3.',
  otherFormMapped:
    '"{{code}}" é a mesma forma de envio que "{{mapped}}" (código {{id}}, nome "{{name}}"), já mapeada nesta filial para a transportadora {{winthor}}: edite aquela linha em vez de mapear a forma de envio duas vezes.',
  nothingFound: 'Nenhum código encontrado',
  winthorLoading: 'Carregando a lista do WinThor…',
  seenTitle: 'Códigos vistos nos pedidos sem mapeamento',
  seenAllMapped: 'Todos os códigos vistos nos pedidos estão mapeados.',
  seenNone: 'Nenhum pedido lido ainda com este tipo de código.',
  seenFromOrders: 'Registrados pela importação de {{count}} pedido(s), até {{at}}.',
  seenFromStore: 'Lidos de {{count}} pedido(s) aguardando importação na loja, em {{at}}.',
  seenLine: '{{count}} pedido(s), o último em {{at}}',
  seenLineNoDate: '{{count}} pedido(s)',
  seenProblem: 'Não foi possível ler os códigos dos pedidos',
  map: 'Mapear',
  mapCode: 'Mapear {{code}}',
  refresh: 'Ler a loja de novo',
  suggestionsLabel: 'Vistos nos pedidos',
  planDetail: '{{installments}} parcela(s), {{days}} dias',
  kinds: {
    billing: {
      intro:
        'Associe cada forma de pagamento dos pedidos da loja a uma cobrança do WinThor (PCCOB). A importação de pedidos usa estes mapeamentos; um pedido com forma de pagamento sem mapeamento fica pendente até ela ser mapeada.',
      storeCode: 'Forma de pagamento na loja',
      storeCodeHint: 'Como vem nos pedidos (ex.: CreditCard, Boleto, Pix). Escolha da lista ou digite.',
      winthorCode: 'Cobrança no WinThor',
    },
    plans: {
      intro:
        'Associe o número de parcelas dos pedidos da loja a um plano de pagamento do WinThor (PCPLPAG). Use "forma:parcelas" (ex.: CreditCard:3) para um plano que vale só para uma forma de pagamento; ele tem preferência sobre o número de parcelas sozinho.',
      storeCode: 'Parcelas na loja',
      storeCodeHint: 'Número de parcelas (ex.: 3) ou forma:parcelas (ex.: CreditCard:3).',
      winthorCode: 'Plano de pagamento no WinThor',
    },
    carriers: {
      intro:
        'Associe cada forma de envio dos pedidos da loja a uma transportadora do WinThor (fornecedores do tipo T em PCFORNEC). Um pedido com forma de envio sem mapeamento fica pendente até ela ser mapeada.',
      storeCode: 'Forma de envio na loja',
      storeCodeHint: 'O código (id) da forma de envio ou o seu nome, como vem nos pedidos.',
      winthorCode: 'Transportadora no WinThor',
    },
  },
};
