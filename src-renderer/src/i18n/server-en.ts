/**
 * The server's messages in English, by the keys they travel with (ADR 0025). A key missing here shows the
 * server's own pt-BR text: adding a translation is adding a line, never touching the server.
 */
export const serverEn = {
  validation: {
    dateTime: 'enter a valid date and time (e.g. 2026-12-05T10:00).',
    periodOrder: 'Period: the end date is before the start date; swap them.',
    emailAddress: '"{{address}}" is not a valid e-mail address; use the form name@company.com.',
    emailRepeated: '"{{address}}" appears more than once; keep one.',
    emailSender: 'Sender: enter a valid e-mail address (e.g. integrator@company.com).',
    smtpHost: 'SMTP server: enter the server address (e.g. smtp.company.com) to turn alerts on.',
    emailSenderRequired: 'Sender: enter the address that sends the alerts to turn them on.',
  },
  errors: {
    invalid: 'Invalid data',
    unknownBranch: 'Branch {{branch}} is not configured.',
  },
  mail: {
    auth: 'The SMTP server {{host}}:{{port}} refused the user or the password. Server answer: "{{response}}".',
    certificate: 'The TLS certificate of the SMTP server {{host}}:{{port}} is not trusted.',
    tls: 'The SMTP server {{host}}:{{port}} does not speak the chosen protocol ({{protocol}}): the secure connection (TLS) failed. SMTPS uses port 465; STARTTLS, 587; plain SMTP, 25.',
    noGreeting:
      'The SMTP server {{host}}:{{port}} accepted the connection but sent no SMTP greeting: the port expects SMTPS (TLS from the start). Choose SMTPS for this port.',
    timeout: 'The SMTP server {{host}}:{{port}} did not answer in time.',
    dns: 'The SMTP server address "{{host}}" was not found (DNS).',
    refused: 'Nothing answers on port {{port}} of {{host}}: connection refused.',
    connection: 'The connection to the SMTP server {{host}}:{{port}} dropped.',
    recipient: 'The SMTP server refused a recipient. Server answer: "{{response}}".',
    refusedMessage: 'The SMTP server refused the message. Server answer: "{{response}}".',
    server: 'The SMTP server {{host}}:{{port}} did not accept the message: {{detail}}',
    noHost: 'SMTP server: enter the address of the e-mail server.',
    noRecipient: 'Recipients: enter at least one address to receive the alerts.',
    sent: 'Test e-mail sent to {{recipients}}. Server answer: "{{response}}".',
    passwordRequired:
      'Password: to test another SMTP server or user, type the password (the saved password only goes to the saved server).',
  },
  store: {
    url: {
      required: 'Store URL: enter the address of the online store.',
      invalid: 'Store URL: "{{address}}" is not a valid address.',
      credentials: 'Store URL: "{{address}}" is not a valid address (do not put a user or password in it).',
      scheme: 'Store URL: use an https address, not "{{scheme}}".',
      https: 'Store URL: the store must be reached over https; the token cannot travel unencrypted.',
      httpsFix: 'Replace "http://" with "https://" in {{address}}.',
      examples:
        'E.g. https://www.mystore.com.br, https://mystore.myciashop.com.br or the manager address (…/manager).',
    },
    test: {
      tokenMissing: 'Store token: enter the API access token (generated in the store panel).',
      url: 'Store URL: the address is not valid.',
      ok: 'Connection to the store OK ({{apiRoot}}).',
      okLimit:
        'Connection to the store OK ({{apiRoot}}). API limit: {{limit}} calls per hour (x-apilimit-remaining: {{raw}}).',
      auth: 'Store token refused (HTTP {{status}}): check the token copied from the store panel.',
      notFound: 'Store URL: there is no store API at {{apiRoot}} (HTTP 404). Check the store address.',
      invalidResponse: 'Store URL: {{apiRoot}} answered, but not as the store API.',
      network:
        'The store at {{apiRoot}} could not be reached. Check the store URL and this computer’s network.',
      timeout:
        'The store at {{apiRoot}} did not answer in time. Check the store URL and this computer’s network.',
      storeError:
        'The store answered but could not serve the call now (HTTP {{status}}). Try again in a few minutes.',
      tokenRetarget:
        'Token: to test a URL other than the saved one, type that store’s token (the saved token only goes to the saved URL).',
    },
  },
  db: {
    connected: 'Connected: {{version}} (mode {{mode}}).',
    password_required:
      'Password: to test another server or user, type the password (the saved password is only used with the saved connection).',
    db_auth: 'Oracle database: user or password refused (ORA-01017).',
    db_service_unknown:
      'Oracle database: the listener does not know this service name. Check the connect string.',
    db_connect_string: 'Oracle database: the connect string is not valid. Use host:port/service.',
    db_unreachable: 'Oracle database: the server could not be reached ({{connectString}}).',
    db_timeout: 'Database: time-out waiting for the server.',
    db_not_configured: 'Database: fill in the connection (connect string, user and password).',
    db_thin_unsupported:
      'This Oracle server does not accept the driver’s Thin mode: set the Instant Client folder.',
    db_file: 'Embedded database: the file could not be opened.',
  },
  prereq: {
    connection: { label: 'Database connection', detail: '{{version}} — driver mode {{mode}}' },
    read: {
      label: 'Reading the WinThor tables',
      ok: '{{count}} tables readable.',
      fix: 'Ask the DBA: GRANT SELECT ON <table> TO <integration user>, for each table listed (or set the schema that owns the tables).',
    },
    write: {
      label: 'Writing orders and customers',
      ok: 'INSERT on PCPEDCFV, PCPEDIFV and PCCLIENT; UPDATE on PCCONSUM.',
      fix: 'Ask the DBA for the GRANTs listed, for the integration user.',
    },
    columns: {
      label: 'WinThor columns used by the integration',
      ok: '{{columns}} columns of {{tables}} tables exist in this database.',
      optionalMissing:
        '{{columns}} columns of {{tables}} tables exist in this database. Without {{missing}} (older WinThor versions), the tracking code is not sent to the store; the status and the invoice are.',
      optionalFix:
        'To send tracking codes, upgrade WinThor to a version with these columns; nothing else depends on them.',
    },
    required: {
      label: 'Required columns of customers and orders',
      ok: 'Every required column (NOT NULL without a default) of PCCLIENT, PCPEDCFV and PCPEDIFV is filled by the integration.',
    },
    create: { label: 'Creating the integration objects', embedded: 'Embedded database: allowed.' },
    branch: {
      label: 'Branch {{branch}}',
      ok: '{{name}}',
      deleted: '{{name}} (deleted in WinThor)',
      missing: 'Not in the branch register (PCFILIAL).',
      fix: 'Correct the branch code in the settings.',
    },
    parameterRule: {
      '2829': '% of stock offered online',
      '4008': 'default billing type of new customers',
      '4009': 'default payment plan',
      '4010': 'sale price column (1 to 7 or PVENDA1 to PVENDA7)',
      '4011': 'default sales area',
      '4012': 'default sales rep (RCA)',
      '4013': 'default line of business',
      '4014': 'price region',
    },
    parameter: {
      label: 'Parameter {{parameter}} — {{rule}} (branch {{branch}})',
      default2829: 'Not set: 100% of the available stock will be offered.',
      default4010: 'Not set: column PVENDA1 will be used.',
      default4014: 'Not set: the branch’s default region applies (PCFILIAL.NUMREGIAOPADRAO).',
      missing: 'Not set ({{name}}).',
      percent: '{{value}}%',
      badPercent: 'Value "{{value}}" is not a percentage from 0 to 100.',
      column: '{{column}}',
      badColumn: 'Value "{{value}}" is not a price column: use 1 to 7 or PVENDA1 to PVENDA7.',
      exists: '{{value}} (exists in {{table}})',
      notExists: 'Code {{value}} does not exist in {{table}}.',
      fix: 'In WinThor routine 132, set parameter {{parameter}} (PCPARAMFILIAL.NOME = {{name}}) for branch {{branch}} or for the company (99).',
      fixCode: 'Register code {{value}} in {{table}} or correct parameter {{parameter}} in routine 132.',
    },
    schema: {
      label: 'Integration tables, sequences and triggers',
      ok: 'Version {{version}} installed.',
      missing: 'Not installed (installer version: {{target}}).',
      older: 'Version {{installed}} installed; the current one is {{target}}.',
      fixApp:
        'Use "Create tables / sequences / triggers" in a quiet window on WinThor: each statement waits up to {{seconds}} s for its lock and, failing that, the install stops and can be repeated.',
      fixOwner:
        'Hand the "Create tables / sequences / triggers" script to the DBA to run as the schema owner, in a quiet window on WinThor.',
    },
  },
  pending: {
    sem_nome: 'Product {{codprod}} has no name (DESCRICAO and the online name are empty).',
    ean_invalido:
      'Product {{codprod}} has no valid EAN: barcode {{barcode}} has a wrong check digit or length.',
    aguardando_categoria:
      'Product {{codprod}} waits for its category, which the store refused (department {{department}}, section {{section}}, category {{category}}).',
    categoria_nao_publicada:
      'Product {{codprod}} is marked for e-commerce, but none of its categories is (department {{department}}, section {{section}}, category {{category}}).',
    cancelar_no_winthor:
      'Order {{storeOrderId}} was cancelled in the store after it reached WinThor; the integrator does not change WinThor orders.',
    sem_preco: 'Product {{codprod}} has no sale price in the price region of branch {{branch}}.',
    loja_bad_request: '{{item}}: the store refused it (HTTP {{status}}) — {{storeMessage}}',
    loja_conflict:
      '{{item}}: the store already has an item with this ERP code (HTTP {{status}}) — {{storeMessage}}',
    loja_not_found: '{{item}}: the store did not find it (HTTP {{status}}) — {{storeMessage}}',
    erro_envio: '{{item}}: not sent — {{storeMessage}}',
    pedido_invalido:
      'Order {{storeOrderId}} came from the store with the field "{{field}}" in the wrong format ({{problem}}); it was not imported.',
    erro_importacao: 'Order {{storeOrderId}}: error writing it to WinThor — {{error}}',
    status_pedido_desconhecido:
      'Order {{storeOrderId}}: the store did not find the order (GET orders/{{storeOrderId}} answered 404); status {{status}} was not sent.',
  },
  pendingFix: {
    sem_nome: 'Enter the product description in the WinThor product register (routine 203).',
    ean_invalido:
      'Correct the barcode (CODAUXILIAR) in the product register (routine 203) or leave it empty.',
    aguardando_categoria:
      'See the category’s pending item in Monitor → Pending items; once it is sent, the product follows.',
    categoria_nao_publicada:
      'In WinThor, mark the product’s department (and section) for e-commerce (ENVIAECOMMERCE = S), or take the product out of e-commerce.',
    cancelar_no_winthor:
      'Cancel the order in WinThor (routine 305 or 336); the pending item closes when the order’s position is C.',
    sem_preco:
      'Enter the product’s sale price in the branch’s price region (routine 201) — the column is parameter 4010’s.',
    loja_conflict:
      'The store already has an item with the same ERP code; check the store register and remove the duplicate.',
    loja_bad_request: 'Check the item’s data in WinThor; the integrator retries on the next run.',
    pedido_invalido:
      'Correct the field "{{field}}" of the order in the store (or ask TOTVS); when the order changes in the store, or with "Re-read orders" from its date, it is read again.',
    erro_importacao:
      'Check the cause in WinThor (customer register, parameters, required fields); the integrator retries at growing intervals, or use "reprocess" on this pending item.',
    status_pedido_desconhecido:
      'Check whether the order exists in the store (it may have been removed); the integrator retries at growing intervals, or use "reprocess".',
  },
  pendings: {
    retryPaused:
      'The integrator is paused: the pending items are set for now and will be retried once it resumes.',
    retryRefused: 'The pending items are set for now; the job did not start: {{reason}}',
    notFound: 'Pending item {{id}} no longer exists (resolved and purged by retention).',
  },
  engine: {
    standby:
      'Standby: another integrator is active on this database (host {{host}}, folder {{folder}}, since {{since}}). No sync runs in this integrator.',
    standbyLost:
      'Standby: another integrator took over this database (host {{host}}, folder {{folder}}, since {{since}}). No sync runs in this integrator.',
    standbyFix:
      'Use the integrator that is active, or stop it. If it has stopped for good (the machine died), click "Take over" on the Dashboard.',
  },
  logs: { notFound: 'Log line {{id}} no longer exists (retention may have purged it).' },
  health: {
    ok: 'All up to date',
    off: 'Alerts off in this mode',
    databaseDown: 'WinThor database unreachable since {{since, datetime}}',
    jobFailing: 'Failing: {{job}} (branch {{branch}}) since {{since, datetime}}',
    budgetOut: 'Store call limit used up this hour (branch {{branches}})',
    mailUndelivered: '{{count}} alert e-mail(s) could not be sent (see Monitor → Logs)',
    pendings: '{{count}} open pending item(s) waiting for a fix',
  },
};
