/** The product's menus, as the original integrator had them. Labels are i18n keys under `nav.`. */
export interface NavEntry {
  key: string;
  path: string;
}

export interface NavGroup {
  key: string;
  children: NavEntry[];
}

export const NAVIGATION: Array<NavEntry | NavGroup> = [
  { key: 'dashboard', path: '/' },
  // The first-run guide (issue #13): the Painel shows it while a step is open; the menu always reaches it.
  { key: 'setup', path: '/primeiros-passos' },
  { key: 'settings', path: '/configuracao' },
  {
    key: 'register',
    children: [
      { key: 'email', path: '/cadastrar/email' },
      { key: 'schedule', path: '/cadastrar/agendamento' },
      { key: 'billing', path: '/cadastrar/cobranca' },
      { key: 'paymentPlan', path: '/cadastrar/plano-pagamento' },
      { key: 'carrier', path: '/cadastrar/transportadora' },
    ],
  },
  {
    key: 'monitor',
    children: [
      { key: 'logs', path: '/monitorar/logs' },
      { key: 'pending', path: '/monitorar/pendencias' },
    ],
  },
  { key: 'database', path: '/banco-de-dados' },
];

export const isGroup = (entry: NavEntry | NavGroup): entry is NavGroup => 'children' in entry;

export const ALL_ENTRIES: NavEntry[] = NAVIGATION.flatMap((entry) =>
  isGroup(entry) ? entry.children : [entry],
);
