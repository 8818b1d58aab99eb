/** The words of "Primeiros passos" (the first-run guide, issue #13), pt-BR. */
export const setupPtBR = {
  setup: {
    title: 'Primeiros passos',
    intro:
      'O que falta para o integrador funcionar, na ordem do tutorial. Cada passo é medido agora — nada aqui se marca à mão.',
    complete: 'Tudo configurado: o integrador está pronto.',
    progress: '{{done}} de {{total}} passos concluídos',
    waiting: 'Nada sincroniza até o passo {{number}} ficar pronto.',
    demoIntro:
      'Demonstração: ela faz sozinha todos os passos, menos os que precisam de uma escolha sua (marcados "Precisa de você").',
    needsPerson: 'Precisa de você',
    blockingHint: 'obrigatório para sincronizar',
    openGuide: 'Ver primeiros passos',
    measuredAt: 'Medido às {{time}}',
    remeasure: 'Medir de novo',
    state: {
      done: 'Feito',
      open: 'Pendente',
      failing: 'Falhando',
      optional: 'Opcional',
    },
    winthorReminder: {
      title: 'No WinThor (o integrador não consegue ver)',
      body: 'Cadastre as rotinas 5000, 5003 e 5004 na rotina 529 e libere o acesso a elas aos usuários na rotina 530.',
    },
    steps: {
      database: {
        title: 'Banco de dados do WinThor conectado',
        why: 'Tudo vem do WinThor: produtos, preços, estoque; os pedidos voltam para ele.',
        action: 'Abrir Banco de Dados',
      },
      prerequisites: {
        title: 'Pré-requisitos do WinThor',
        why: 'Permissões, filiais e os parâmetros 2829 e 4008–4014 apontando para códigos que existem: sem eles clientes e pedidos não entram.',
        action: 'Ver pré-requisitos',
      },
      schema: {
        title: 'Objetos da integração instalados',
        why: 'As tabelas, sequences e triggers WTC_* guardam a fila de alterações e o que já foi enviado.',
        action: 'Instalar objetos',
      },
      store: {
        title: 'Loja de uma filial com URL e token testados',
        why: 'Sem uma loja que responda, nada pode ser enviado nem pedido algum lido.',
        action: 'Abrir Configuração',
      },
      schedules: {
        title: 'Agendamentos de cada filial',
        why: 'Dizem o que roda e com que frequência: pedidos, estoque, preços, produtos…',
        action: 'Abrir Agendamento',
      },
      mappings: {
        title: 'Mapeamentos de cobrança, plano de pagamento e transportadora',
        why: 'Um pedido com um código sem mapeamento vira pendência em vez de entrar no WinThor.',
        action: 'Abrir mapeamentos',
      },
      email: {
        title: 'E-mail de alertas com teste enviado',
        why: 'Para saber de uma falha sem olhar a tela. Opcional.',
        action: 'Abrir E-mail',
      },
      firstSync: {
        title: 'Prévia vista e primeira sincronização',
        why: 'A prévia mostra o que a primeira sincronização vai enviar, sem chamar a loja; depois, inicie-a com "Iniciar primeira sincronização": o catálogo só vai à loja então.',
        action: 'Ir ao Painel',
      },
    },
  },
};

export type SetupMessages = typeof setupPtBR;
