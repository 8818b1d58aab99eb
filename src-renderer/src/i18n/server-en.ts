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
    mappingsChanged_billing:
      'The billing type mappings of branch {{branch}} were changed in another window after this screen read them; nothing was saved.',
    mappingsChanged_plans:
      'The payment plan mappings of branch {{branch}} were changed in another window after this screen read them; nothing was saved.',
    mappingsChanged_carriers:
      'The carrier mappings of branch {{branch}} were changed in another window after this screen read them; nothing was saved.',
    mappingsChangedFix: 'The list was reloaded: check it and make the change again.',
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
  mappings: {
    storeReadsOff_waiting:
      'Standby: this integrator does not read the store while another one is active on this database; the order codes show once that one imports them (or click "Take over" on the Dashboard).',
    storeReadsOff_stale:
      'Standby: this integrator lost touch with the WinThor database and does not read the store until it renews its hold; the order codes show when the connection is back.',
    storeReadsOff_unsettled:
      'Standby: this integrator is still checking whether it is the active one on this database and does not read the store until it knows; the order codes show in a moment.',
    storeReadsOff_noEngine:
      'This process does not run the engine (command line): it does not read the store; the order codes show once the active integrator imports them.',
  },
  store: {
    reason: {
      network: 'Could not talk to the store ({{call}}): check the store URL and this computer’s network.',
      timeout: 'The store did not answer in time ({{call}}).',
      server: 'The store had an internal error (HTTP {{status}}, {{call}}).',
      invalid_response: 'The store answered, but not as the store API ({{call}}).',
      auth: 'The store refused the access token (HTTP {{status}}): check the token copied from the store panel.',
    },
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
      optionalMissing_trackingCode:
        '{{columns}} columns of {{tables}} tables exist in this database (older WinThor versions lack the tracking ones). Without {{code}}, the tracking code is not sent to the store (the status and the invoice are).',
      optionalMissing_trackingLink:
        "{{columns}} columns of {{tables}} tables exist in this database (older WinThor versions lack the tracking ones). Without {{link}}, the carrier's tracking link is not sent (the code is).",
      optionalMissing_trackingCode_trackingLink:
        "{{columns}} columns of {{tables}} tables exist in this database (older WinThor versions lack the tracking ones). Without {{code}}, the tracking code is not sent to the store (the status and the invoice are). Without {{link}}, the carrier's tracking link is not sent.",
      optionalFix:
        'To send tracking codes, upgrade WinThor to a version with these columns; nothing else depends on them.',
    },
    required: {
      label: 'Required columns of customers and orders',
      ok: 'Every required column (NOT NULL without a default) of PCCLIENT, PCPEDCFV and PCPEDIFV is filled by the integration.',
    },
    create: {
      label: 'Creating the integration objects',
      embedded: 'Embedded database: allowed.',
      missing: 'Missing: {{privileges}}.',
      missingForeign:
        'Missing: {{privileges}}. Tables {{tables}} belong to {{owners}} (reached through a synonym): the triggers go in schema {{schema}} on {{owners}}’s tables, which needs CREATE ANY TRIGGER.',
      fixGrant:
        'Ask the DBA: GRANT {{privileges}} TO {{user}}; or hand the DBA the "Create tables / sequences / triggers" script (view script) to run.',
      fixGrant_noUser:
        'Ask the DBA to GRANT {{privileges}} to the integrator’s database user; or hand the DBA the "Create tables / sequences / triggers" script (view script) to run.',
      fixForeign_noUser:
        'Ask the DBA to GRANT {{privileges}} to the integrator’s database user; or set the schema that owns the tables ({{owners}}) in Database › Connection and hand the DBA the "Create tables / sequences / triggers" script to run as {{owners}}.',
      fixForeign:
        'Ask the DBA: GRANT {{privileges}} TO {{user}}; or set the schema that owns the tables ({{owners}}) in Database › Connection and hand the DBA the "Create tables / sequences / triggers" script to run as {{owners}}.',
      owner:
        'The WTC_ objects live in schema {{schema}} (owner of the PC* tables), not in user {{user}}’s: the DBA installs them connected as {{schema}}, with the "Create tables / sequences / triggers" script, which already grants {{user}} SELECT, INSERT, UPDATE and DELETE on the tables and SELECT on the sequences. The integrator does not install in this case (Oracle may refuse, ORA-01749).',
      ownerInstalled:
        'The WTC_ objects live in schema {{schema}} (owner of the PC* tables), installed by the DBA and granted to {{user}}. Version {{version}} installed.',
      fixOwner:
        'Hand the DBA the script (view script, or: integrador db install --dry-run) to run connected as {{schema}}, in a quiet window on WinThor.',
    },
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
    status_recusado:
      'Order {{storeOrderId}}: the store refused status {{status}} (HTTP {{httpStatus}}) — {{storeMessage}}',
    status_nao_suportado:
      'The store does not accept order status updates ({{orders}} orders in a row answered 404/405); the status, the invoice and the NF-e key do not reach the store.',
    rastreio_recusado:
      'The store refused the tracking code sent with the order status ({{detail}}); the status and the invoice are sent without it.',
    status_nao_suportado_found:
      'The store does not accept order status updates (the order exists — GET orders/{id} — but the status update answered 404/405); the status, the invoice and the NF-e key do not reach the store.',
    rejeitado_winthor: 'Order {{storeOrderId}} rejected by WinThor’s import: {{reason}}.',
    staging_ausente:
      'Order {{storeOrderId}}: the record written for import (PCPEDCFV, NUMPEDRCA {{numpedrca}}) no longer exists in WinThor.',
    pedido_sem_itens: 'Order {{storeOrderId}} has no items (orderItems).',
    sku_desconhecido:
      'Order {{storeOrderId}}, item {{item}}: product {{codprod}} (SKU "{{sku}}") does not exist in WinThor or is deleted (PCPRODUT.CODPROD).',
    sku_desconhecido_notACode:
      'Order {{storeOrderId}}, item {{item}}: SKU "{{sku}}" is not a WinThor product code ({{field}}).',
    quantidade_invalida:
      'Order {{storeOrderId}}, item {{item}} (product {{codprod}}): quantity {{quantity}} ({{field}}); only quantities above zero are imported.',
    produto_sem_preco:
      'Order {{storeOrderId}}, item {{item}}: product {{codprod}} has no sale price in WinThor for this branch (PCTABPR).',
    preco_divergente:
      'Order {{storeOrderId}}, item {{item}}: product {{codprod}} sold in the store at {{storePrice}}, and the WinThor price is {{winthorPrice}} ({{difference}}% apart, limit {{tolerance}}%).',
    total_divergente:
      'Order {{storeOrderId}}: the store total {{total}} does not match items {{items}} + freight {{freight}}.',
    total_divergente_extraCharge:
      'Order {{storeOrderId}}: the store total {{total}} does not match items {{items}} + freight {{freight}}: the store charged {{amount}} more (interest or a fee) that the WinThor order has no place for.',
    total_divergente_discountOverItems:
      'Order {{storeOrderId}}: the store total {{total}} does not match items {{items}} + freight {{freight}}: the discount of {{amount}} is larger than the items’ value.',
    total_divergente_cents:
      'Order {{storeOrderId}}: the store total {{total}} does not match items {{items}} + freight {{freight}}: the discount of {{amount}} cannot be spread over the items without a difference in cents (WinThor: {{winthorTotal}}).',
    total_divergente_itemPrice:
      'Order {{storeOrderId}}, item {{item}} (product {{codprod}}): invalid price {{price}} ({{field}}).',
    sem_mapa_cobranca:
      'Order {{storeOrderId}}: payment method "{{storeCode}}" ({{field}}) has no mapping to WinThor.',
    sem_mapa_cobranca_empty:
      'Order {{storeOrderId}}: the payment method ({{field}}) is empty in the store and has no mapping to WinThor.',
    sem_mapa_cobranca_notNumeric:
      'Order {{storeOrderId}}: the payment method mapping "{{storeCode}}" points to code "{{winthorCode}}", which is not a numeric WinThor code.',
    sem_mapa_plano:
      'Order {{storeOrderId}}: installments "{{storeCode}}" ({{field}}) have no mapping to WinThor.',
    sem_mapa_plano_either:
      'Order {{storeOrderId}}: installments "{{storeCode}}" or "{{orStoreCode}}" ({{field}}) have no mapping to WinThor.',
    sem_mapa_plano_empty:
      'Order {{storeOrderId}}: the installments field ({{field}}) is empty in the store and has no mapping to WinThor.',
    sem_mapa_plano_notNumeric:
      'Order {{storeOrderId}}: the installments mapping "{{storeCode}}" points to code "{{winthorCode}}", which is not a numeric WinThor code.',
    sem_mapa_transporte:
      'Order {{storeOrderId}}: shipping method "{{storeCode}}" ({{field}}) has no mapping to WinThor.',
    sem_mapa_transporte_empty:
      'Order {{storeOrderId}}: the shipping method ({{field}}) is empty in the store and has no mapping to WinThor.',
    sem_mapa_transporte_notNumeric:
      'Order {{storeOrderId}}: the shipping method mapping "{{storeCode}}" points to code "{{winthorCode}}", which is not a numeric WinThor code.',
    possivel_duplicado:
      'Order {{storeOrderId}}: possible duplicate — {{how}}: it is an order already entered in WinThor. It was not written again.',
    possivel_duplicado_numped:
      'Order {{storeOrderId}}: possible duplicate — {{how}}: it is WinThor order {{winthorOrder}}. It was not written again.',
    possivel_duplicado_staged:
      'Order {{storeOrderId}}: possible duplicate — {{how}}: it is the record waiting for WinThor’s import (PCPEDCFV, NUMPEDRCA {{numpedrca}}). It was not written again.',
    nome_invalido:
      'Order {{id}}: the customer’s name ({{field}}) is empty or has no letters WinThor can store ("{{value}}").',
    nome_invalido_customer:
      'Store customer {{id}}: the name ({{field}}) is empty or has no letters WinThor can store ("{{value}}").',
    documento_invalido: 'Order {{id}}: invalid {{docType}} "{{document}}" ({{field}}): {{reason}}.',
    documento_invalido_customer:
      'Store customer {{id}}: invalid {{docType}} "{{document}}" ({{field}}): {{reason}}.',
    documento_invalido_order_empty: 'Order {{id}}: customer without CPF/CNPJ ({{field}}).',
    documento_invalido_customer_empty: 'Store customer {{id}}: no CPF/CNPJ ({{field}}).',
    sem_ie: 'Order {{id}}: company (CNPJ {{document}}) without a state registration ({{field}}).',
    sem_ie_customer:
      'Store customer {{id}}: company (CNPJ {{document}}) without a state registration ({{field}}).',
    cep_invalido: 'Order {{storeOrderId}}: invalid delivery CEP "{{zip}}" ({{field}}): it has 8 digits.',
    uf_invalida: 'Order {{storeOrderId}}: invalid delivery state "{{state}}" ({{field}}).',
    cidade_desconhecida:
      'Order {{id}}: city "{{city}}/{{state}}" (IBGE {{ibgeCode}}) is not registered in WinThor (PCCIDADE.CODIBGE); the new customer was not created.',
    cidade_desconhecida_customer:
      'Store customer {{id}}: city "{{city}}/{{state}}" (IBGE {{ibgeCode}}) is not registered in WinThor (PCCIDADE.CODIBGE); the customer was not created.',
    cidade_desconhecida_order_detail: 'Order {{id}}: {{detail}}',
    cidade_desconhecida_customer_detail: 'Store customer {{id}}: {{detail}}',
    configuracao: 'Order {{id}}: {{detail}}',
    configuracao_customer_detail: 'Store customer {{id}}: {{detail}}',
  },
  /** Parts of a pendência's text named by a parameter ("@pendingPart.checkDigit"). */
  pendingPart: {
    checkDigit: 'the check digit does not match',
    digitCount: 'wrong number of digits',
    duplicateByIntegrator:
      'it was written before for the same customer and total, with the store address written differently',
    duplicateInWinthor:
      'WinThor already has it with the same store order number (NUMPEDCLI), sales rep and customer',
    anywayInWinthor:
      'if the store order number matches an order typed by hand in WinThor (really another order), use "Import anyway"',
    anywayByIntegrator:
      'it is almost certainly the same order: import it anyway only if these are different stores (the address now belongs to another store)',
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
    loja_not_found: 'Check the item’s data in WinThor; the integrator retries on the next run.',
    erro_envio: 'Check the item’s data in WinThor; the integrator retries on the next run.',
    pedido_invalido:
      'Correct the field "{{field}}" of the order in the store (or ask TOTVS); when the order changes in the store, or with "Re-read orders" from its date, it is read again.',
    erro_importacao:
      'Check the cause in WinThor (customer register, parameters, required fields); the integrator retries at growing intervals, or use "reprocess" on this pending item.',
    status_pedido_desconhecido:
      'Check whether the order exists in the store (it may have been removed); the integrator retries at growing intervals, or use "reprocess".',
    status_recusado:
      'Check the order in the store; the integrator retries at growing intervals (5 min, doubling up to a day), or use "reprocess" on this pending item.',
    rastreio_recusado:
      'Confirm with TOTVS the tracking field of your store\'s status update (ADR 0216); the integrator tries to send tracking again once a day, or when you use "reprocess" on this pending item.',
    status_nao_suportado:
      'Confirm with TOTVS the order status update address of your store (ADR 0205); the integrator tries again once a day or when you use "reprocess" on this pending item.',
    rejeitado_winthor:
      'Fix the cause in WinThor (customer, product, credit, stock…) and use "reprocess" on this pending item: the order is written again for import, without a duplicate.',
    staging_ausente:
      'Ask WinThor support who removed the record; check whether the order was entered by hand before entering it again.',
    pedido_sem_itens: 'Correct the order in the store (or the customer register) and wait for the next run.',
    sku_desconhecido:
      'Check the variant’s ERP code in the store, or reactivate the product in WinThor (routine 203), and wait for the next run.',
    sku_desconhecido_notACode:
      'Register the variant in the store with the WinThor product code (CODPROD) as its ERP code and wait for the next run.',
    quantidade_invalida:
      'Correct the item’s quantity in the store (or cancel the order) and wait for the next run.',
    produto_sem_preco:
      'Enter the product’s price in the branch’s region (routine 201) and wait for the next run.',
    preco_divergente:
      'Check the product’s price in the store and in WinThor (or the limit in Settings, orders.priceTolerancePercent) and use "reprocess" on the pending item.',
    total_divergente:
      'Check the order’s values in the store (items, freight, discounts, interest) and enter it in WinThor by hand if it is right; then ignore the pending item.',
    total_divergente_itemPrice:
      'Correct the order in the store (or the customer register) and wait for the next run.',
    sem_mapa_cobranca:
      'In Registers → Billing types, map "{{storeCode}}" to a WinThor code; the order is imported by itself on the next run.',
    sem_mapa_cobranca_empty:
      'In Registers → Billing types, map the empty code to a WinThor code; the order is imported by itself on the next run.',
    sem_mapa_cobranca_notNumeric:
      'In Registers → Billing types, pick the WinThor code from the list for "{{storeCode}}"; the order is imported on the following run.',
    sem_mapa_plano:
      'In Registers → Payment plans, map "{{storeCode}}" to a WinThor code; the order is imported by itself on the next run.',
    sem_mapa_plano_either:
      'In Registers → Payment plans, map "{{storeCode}}" or "{{orStoreCode}}" to a WinThor code; the order is imported by itself on the next run.',
    sem_mapa_plano_empty:
      'In Registers → Payment plans, map the empty code to a WinThor code; the order is imported by itself on the next run.',
    sem_mapa_plano_notNumeric:
      'In Registers → Payment plans, pick the WinThor code from the list for "{{storeCode}}"; the order is imported on the following run.',
    sem_mapa_transporte:
      'In Registers → Carriers, map "{{storeCode}}" to a WinThor code; the order is imported by itself on the next run.',
    sem_mapa_transporte_empty:
      'In Registers → Carriers, map the empty code to a WinThor code; the order is imported by itself on the next run.',
    sem_mapa_transporte_notNumeric:
      'In Registers → Carriers, pick the WinThor code from the list for "{{storeCode}}"; the order is imported on the following run.',
    possivel_duplicado:
      'Check the order in WinThor. If it is the same order, ignore this pending item; {{anyway}}; if the store address changed (Settings → Branches), it need not go back: new orders go on as usual.',
    possivel_duplicado_numped:
      'Check WinThor order {{winthorOrder}}. If it is the same order, ignore this pending item; {{anyway}}; if the store address changed (Settings → Branches), it need not go back: new orders go on as usual.',
    possivel_duplicado_staged:
      'Check the record waiting for import (NUMPEDRCA {{numpedrca}}) in WinThor. If it is the same order, ignore this pending item; {{anyway}}; if the store address changed (Settings → Branches), it need not go back: new orders go on as usual.',
    nome_invalido:
      'Enter the customer’s name in the store in Latin letters (accents are accepted) and wait for the next run.',
    documento_invalido:
      'Correct the customer’s CPF (11 digits) or CNPJ (14 digits) in the store and wait for the next run.',
    documento_invalido_order_empty:
      'Enter the customer’s CPF or CNPJ in the store; WinThor needs the document to invoice.',
    documento_invalido_customer_empty:
      'Enter the customer’s CPF or CNPJ in the store; WinThor needs the document to invoice.',
    sem_ie:
      'Enter the company’s state registration in the store, or "ISENTO" if it has none, and wait for the next run.',
    cep_invalido: 'Correct the delivery address’s CEP in the store and wait for the next run.',
    uf_invalida:
      'Correct the state (its abbreviation, e.g. SP) of the delivery address in the store and wait for the next run.',
    cidade_desconhecida:
      'Register the city in WinThor with IBGE code {{ibgeCode}} (or correct the delivery address in the store); the next run tries again.',
    cidade_desconhecida_order_detail: '{{fixDetail}}',
    cidade_desconhecida_customer_detail: '{{fixDetail}}',
    configuracao: '{{fixDetail}}',
    configuracao_customer_detail: '{{fixDetail}}',
  },
  pendings: {
    retryPaused:
      'The integrator is paused: the pending items are set for now and will be retried once it resumes.',
    retryRefused: 'The pending items are set for now; the job did not start: {{reason}}',
    notFound: 'Pending item {{id}} no longer exists (resolved and purged by retention).',
    importAnyway_not_an_order: 'Pending item {{id}}: only an order’s pending item can be imported anyway.',
    importAnyway_not_a_duplicate:
      'Pending item {{id}}: only a possible duplicate order can be imported anyway.',
    importAnyway_resolved:
      'Pending item {{id}}: it is no longer open (the order was already imported or the problem changed).',
    importAnyway_changed:
      'Pending item {{id}}: the similar order changed since the pending item was shown (the guard found another one).',
    importAnyway_outdated:
      'Pending item {{id}}: this decision came from an earlier screen of the integrator and does not say which similar order was checked.',
    importAnyway_outdatedFix: 'Reload the page and decide again.',
    importAnyway_no_record:
      'Pending item {{id}}: the order is not waiting for import in this branch (or waits under more than one record).',
  },
  engine: {
    standby:
      'Standby: another integrator is active on this database (host {{host}}, folder {{folder}}, since {{since}}). No sync runs in this integrator.',
    standbyLost:
      'Standby: another integrator took over this database (host {{host}}, folder {{folder}}, since {{since}}). No sync runs in this integrator.',
    standbyFix:
      'Use the integrator that is active, or stop it. If it has stopped for good (the machine died), click "Take over" on the Dashboard.',
    leaseStale:
      'Standby: the database lease has not been renewed for {{seconds}} s: sync stopped until the database answers. No sync runs in this integrator.',
    leaseStaleFix:
      'Check the connection to the WinThor database (network, server, free connections): sync resumes by itself once the lease is renewed.',
    leaseUnverified:
      'Standby: the database lease could not be verified: {{reason}}. No sync runs in this integrator.',
    leaseUnverifiedFix:
      'Check the connection to the WinThor database (network, server, free connections): sync starts by itself once the lease is obtained.',
  },
  system: {
    startAtLogin_desktop: 'When this Windows user logs on, the integrator opens in the tray (no window).',
    startAtLogin_headless:
      'This integrator runs without a window (Windows service or command line): the service starts it, not the logon.',
    startAtLogin_notWindows: 'Available on Windows only.',
    startAtLoginUnavailable_headless:
      'Start with Windows: this integrator runs without a window (Windows service or command line): the service starts it, not the logon.',
    startAtLoginUnavailable_desktop: 'Start with Windows: available on Windows only.',
    startAtLoginUnavailableFix: 'Use the desktop app installed on Windows to turn this option on or off.',
  },
  logs: { notFound: 'Log line {{id}} no longer exists (retention may have purged it).' },
  health: {
    ok: 'All up to date',
    off: 'Alerts off in this mode',
    databaseDown: 'WinThor database unreachable since {{since, datetime}}',
    engineHeld:
      'Sync stopped: the integration tables need an update (version {{installed}} in the database, {{target}} in this release) since {{since, datetime}}',
    engineHeld_declined:
      'Sync stopped: the integration tables need an update (version {{installed}} in the database, {{target}} in this release) and it was postponed, since {{since, datetime}}',
    engineHeld_owner:
      'Sync stopped: the DBA must update the integration tables (version {{installed}} in the database, {{target}} in this release) since {{since, datetime}}',
    engineHeld_failed:
      'Sync stopped: the update of the integration tables failed (version {{installed}} in the database, {{target}} in this release) since {{since, datetime}}',
    engineHeld_newer:
      'Sync stopped: the integration tables belong to a newer release of the integrator (version {{installed}} in the database, {{target}} in this release) since {{since, datetime}}',
    engineHeldResumed:
      'Integration tables out of date — resumed by hand (version {{installed}} in the database, {{target}} in this release)',
    jobFailing: 'Failing: {{job}} (branch {{branch}}) since {{since, datetime}}',
    budgetOut: 'Store call limit used up this hour (branch {{branches}})',
    mailUndelivered: '{{count}} alert e-mail(s) could not be sent (see Monitor → Logs)',
    pendings: '{{count}} open pending item(s) waiting for a fix',
  },
};
