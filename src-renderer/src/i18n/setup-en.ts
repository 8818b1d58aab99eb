import type { SetupMessages } from './setup-pt-BR';

/** The words of "First steps" (the first-run guide, issue #13), English. */
export const setupEn: SetupMessages = {
  setup: {
    title: 'First steps',
    intro:
      'What the integrator still needs, in the tutorial’s order. Each step is measured now — nothing here is ticked by hand.',
    complete: 'All set: the integrator is ready.',
    progress: '{{done}} of {{total}} steps done',
    waiting: 'Nothing syncs until step {{number}} is done.',
    demoIntro: 'Demo: it takes every step by itself except those that need your choice (marked "Needs you").',
    needsPerson: 'Needs you',
    blockingHint: 'required to sync',
    openGuide: 'See first steps',
    measuredAt: 'Measured at {{time}}',
    remeasure: 'Measure again',
    state: {
      done: 'Done',
      open: 'To do',
      failing: 'Failing',
      optional: 'Optional',
    },
    winthorReminder: {
      title: 'In WinThor (the integrator cannot see this)',
      body: 'Register routines 5000, 5003 and 5004 with routine 529 and grant the users access to them with routine 530.',
    },
    steps: {
      database: {
        title: 'WinThor database connected',
        why: 'Everything comes from WinThor: products, prices, stock; orders go back into it.',
        action: 'Open Database',
      },
      prerequisites: {
        title: 'WinThor prerequisites',
        why: 'Grants, branches and parameters 2829 and 4008–4014 pointing at codes that exist: without them customers and orders cannot come in.',
        action: 'See prerequisites',
      },
      schema: {
        title: 'Integration objects installed',
        why: 'The WTC_* tables, sequences and triggers keep the change queue and what was already sent.',
        action: 'Install objects',
      },
      store: {
        title: 'A branch’s store with URL and token tested',
        why: 'Without a store that answers, nothing can be sent and no order read.',
        action: 'Open Settings',
      },
      schedules: {
        title: 'Schedules of each branch',
        why: 'They say what runs and how often: orders, stock, prices, products…',
        action: 'Open Schedule',
      },
      mappings: {
        title: 'Billing type, payment plan and carrier mappings',
        why: 'An order with an unmapped code becomes a pendência instead of entering WinThor.',
        action: 'Open mappings',
      },
      email: {
        title: 'Alert e-mail with a test sent',
        why: 'To hear of a failure without watching the screen. Optional.',
        action: 'Open E-mail',
      },
      firstSync: {
        title: 'Preview seen and first sync run',
        why: 'The preview shows what the first sync will send, without calling the store; then start it with "Start first sync": only then does the catalogue go to the store.',
        action: 'Go to the Dashboard',
      },
    },
  },
};

/** The first-run guide's server messages in English, by their keys (ADR 0025). */
export const setupServerEn = {
  /** The engine's state detail (app.status engine.detailRef): the Painel says it beside the badge. */
  engineState: {
    waiting: 'step {{number}} — {{step}}',
    steps: {
      database: 'connect the WinThor database',
      prerequisites: 'WinThor prerequisites (grants, branches, parameters)',
      schema: 'install the integration objects',
      store: 'a branch’s store with URL and token tested',
      schedules: 'the branches’ schedules',
      mappings: 'billing type, payment plan and carrier mappings',
      email: 'alert e-mail with a test sent',
      firstSync: 'preview and first sync',
    },
    noSchedules: 'no sync configured',
    heldForPreview: 'Waiting: see the first sync preview — step 8 (branch {{branches}})',
    schemaHold: 'the integration tables need an update',
    schemaHold_declined: 'the integration tables need an update (update postponed)',
    schemaHold_owner: 'the DBA must update the integration tables',
    schemaHold_failed: 'the update of the integration tables failed',
    schemaHold_newer: 'the integration tables belong to a newer release of the integrator',
    schemaHoldResumed: 'integration tables out of date — resumed by hand',
    leaseStale:
      'the database lease has not been renewed for {{seconds}} s: sync stopped until the database answers',
    leaseUnverified: 'the database lease could not be verified: {{reason}}',
    jobFailed: '{{job}} (branch {{branch}}): {{message}}',
    storeFailing: 'Store of branch {{branch}}: {{problem}}',
  },
  setup: {
    database: {
      none: 'No WinThor connection configured: enter the Oracle database (host:port/service, user and password) in Database.',
      failing: 'Database: {{detail}}',
    },
    needsDatabase: 'Connect the database first (step 1).',
    needsStore: 'Test a branch’s store first (step 4).',
    prerequisites: {
      ok: '{{checks}} check(s) in order, {{warnings}} warning(s).',
      more: '(and {{count}} more item(s) in the report)',
    },
    schema: {
      unread: 'The version of the integration objects could not be read.',
      cannotCreate:
        'The integrator’s user cannot create the objects: the DBA runs the install script (Database → "Show install script", or integrador db install --dry-run).',
    },
    store: {
      noBranch: 'No branch yet: add the branch in Settings.',
      ok: 'Store tested: branch {{branches}}.',
      untested: 'Branch {{branch}}: click the store’s "Test connection" in Settings.',
      missing: 'Branch {{branch}}: enter the store URL and token in Settings.',
    },
    schedules: {
      none: 'Branch {{branch}}: no schedule enabled. Enable at least one in Registers → Schedule.',
      ok: '{{count}} schedule(s) enabled.',
    },
    mappings: {
      missing: {
        billing: 'Branch {{branch}}: billing type without a mapping for {{codes}}.',
        plans: 'Branch {{branch}}: payment plan without a mapping for {{codes}}.',
        carriers: 'Branch {{branch}}: carrier without a mapping for {{codes}}.',
      },
      ok: 'The codes of the store’s orders are mapped.',
      problem: 'Branch {{branch}}: {{problem}}',
    },
    email: {
      noBranch: 'Alert e-mail is set per branch: add the branch first (optional).',
      unset: 'Branch {{branch}}: alert e-mail not set up (optional).',
      untested: 'Branch {{branch}}: send a test e-mail in Registers → E-mail.',
      ok: 'Alert e-mail tested.',
    },
    firstSync: {
      held: 'Waiting: see the first sync preview — branch {{branch}}. Then click "Start first sync" in it (or "Run now"): only then do categories, products, prices and stock go to the store; orders are already read.',
      start:
        'Branch {{branch}}: preview seen. Click "Start first sync" in the preview (or "Run now" on the Dashboard) to send categories, products, prices and stock to the store; orders are already read.',
      preview: 'Branch {{branch}}: open the "First sync preview" on the Dashboard.',
      run: 'Branch {{branch}}: run the first sync ("Run now" on the Dashboard).',
      ok: 'Preview seen and first sync done.',
    },
  },
};
