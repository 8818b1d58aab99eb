import { z } from 'zod';
import { isLoopbackAddress } from '../shared/loopback';
import { BranchEmail, MonitoringSettings } from './email-settings';

/**
 * The one schema of the local settings (architecture.md, "Where data lives"), shared by the desktop and
 * the headless host and, for its types, by the UI. Bump SETTINGS_VERSION and add a migration in
 * src-main/config/migrations.ts for every change that is not purely additive with defaults.
 */
export const SETTINGS_VERSION = 2;

/** What the UI sees instead of a stored secret. Sending it back means "keep the stored value". */
export const SECRET_MASK = '••••••••';

export const SYNC_ENTITIES = [
  'categories',
  'products',
  'prices',
  'stock',
  'customers',
  'orders',
  'orderStatus',
] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

export const INTERVAL_UNITS = ['seconds', 'minutes', 'hours', 'days', 'months', 'years'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/** What a schedule runs: one entity's sync, or the reconcile (full compare of the catalogue). */
export const SCHEDULE_JOBS = [...SYNC_ENTITIES, 'reconcile'] as const;
export type ScheduleJob = (typeof SCHEDULE_JOBS)[number];

/** Five or six space-separated cron fields (minute hour day month weekday, optional seconds first). */
const CRON_SHAPE = /^\s*(\S+\s+){4,5}\S+\s*$/;

/** One schedule of a branch (seed §5, Cadastrar → Agendamento): a job every N units, or a cron expression. */
export const Schedule = z.object({
  /** Stable id within the branch, so the UI can edit and remove one row. */
  id: z.string().min(1).max(40),
  job: z.enum(SCHEDULE_JOBS),
  enabled: z.boolean().default(true),
  every: z
    .number({ error: 'Intervalo: informe um número inteiro de 1 a 9999.' })
    .int({ error: 'Intervalo: informe um número inteiro de 1 a 9999.' })
    .min(1, { error: 'Intervalo: informe um número inteiro de 1 a 9999.' })
    .max(9999, { error: 'Intervalo: informe um número inteiro de 1 a 9999.' })
    .default(15),
  unit: z.enum(INTERVAL_UNITS).default('minutes'),
  /** Optional cron expression; when set it replaces every/unit. */
  cron: z
    .string()
    .refine((value) => value.trim() === '' || CRON_SHAPE.test(value), {
      error: 'Expressão cron: use 5 campos (minuto hora dia mês dia-da-semana), ex.: "*/15 * * * *".',
    })
    .default(''),
});
export type Schedule = z.infer<typeof Schedule>;

/** The schedules a new branch starts with: orders first and often, the catalogue less often. */
export const DEFAULT_SCHEDULES: readonly Schedule[] = [
  { id: 'orders', job: 'orders', enabled: true, every: 5, unit: 'minutes', cron: '' },
  { id: 'orderStatus', job: 'orderStatus', enabled: true, every: 10, unit: 'minutes', cron: '' },
  { id: 'stock', job: 'stock', enabled: true, every: 15, unit: 'minutes', cron: '' },
  { id: 'prices', job: 'prices', enabled: true, every: 30, unit: 'minutes', cron: '' },
  { id: 'products', job: 'products', enabled: true, every: 1, unit: 'hours', cron: '' },
  { id: 'categories', job: 'categories', enabled: true, every: 6, unit: 'hours', cron: '' },
  { id: 'customers', job: 'customers', enabled: true, every: 1, unit: 'hours', cron: '' },
  { id: 'reconcile', job: 'reconcile', enabled: true, every: 1, unit: 'days', cron: '' },
];

/** The old (version 1) shape: one schedule per entity for every branch. */
export const LegacySchedule = z.object({
  enabled: z.boolean().default(true),
  every: z.number().int().min(1).default(15),
  unit: z.enum(INTERVAL_UNITS).default('minutes'),
});

export {
  BranchEmail,
  MonitoringSettings,
  SMTP_PROTOCOLS,
  EMAIL_ADDRESS,
  AlertSettings,
} from './email-settings';

/** One row of a mapping screen (seed §6–8): a code of the store's orders ↔ a WinThor code. */
export const CodeMapping = z.object({
  /**
   * The store's code as its orders carry it: the payment method (billing types), the number of
   * installments, optionally `method:installments` for one method (payment plans), the shipping method's id
   * or name (carriers). Compared without case and surrounding spaces.
   */
  storeCode: z
    .string()
    .trim()
    .min(1, { error: 'Código na loja: informe o código como aparece nos pedidos.' })
    .max(100),
  /** PCCOB.CODCOB (billing types), PCPLPAG.CODPLPAG (payment plans), PCFORNEC.CODFORNEC (carriers). */
  winthorCode: z
    .string()
    .trim()
    .min(1, { error: 'Código no WinThor: escolha o código da lista do WinThor.' })
    .max(20),
  description: z.string().max(200).default(''),
});
export type CodeMapping = z.infer<typeof CodeMapping>;

export const MAPPING_KINDS = ['billing', 'plans', 'carriers'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

const mappingList = (label: string) =>
  z
    .array(CodeMapping)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        const key = row.storeCode.trim().toLowerCase();
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'storeCode'],
            message: `${label}: o código da loja "${row.storeCode}" já está mapeado; cada código da loja aponta para um só código do WinThor.`,
          });
        }
        seen.add(key);
      });
    })
    .default([]);

export const BranchMappings = z.object({
  billing: mappingList('Cobrança'),
  plans: mappingList('Plano de pagamento'),
  carriers: mappingList('Transportadora'),
});
export type BranchMappings = z.infer<typeof BranchMappings>;

export const STOCK_FORMULAS = ['gerencial', 'gerencial-menos-pendente', 'pkg-estoque'] as const;

export const Branch = z.object({
  /** PCFILIAL.CODIGO */
  code: z
    .string()
    .regex(/^[0-9A-Za-z]{1,2}$/, 'Código da filial: 1 ou 2 caracteres, como no WinThor (ex.: 1).'),
  name: z.string().default(''),
  enabled: z.boolean().default(true),
  store: z
    .object({
      url: z.string().default(''),
      /** secret */
      token: z.string().default(''),
    })
    .default({ url: '', token: '' }),
  email: BranchEmail.default(BranchEmail.parse({})),
  stock: z
    .object({
      formula: z.enum(STOCK_FORMULAS).default('gerencial'),
      warehouseErpId: z.string().default('1'),
    })
    .default({ formula: 'gerencial', warehouseErpId: '1' }),
  price: z
    .object({
      /** Price table id in the store; empty = the store's default table. */
      tableErpId: z.string().default('1'),
    })
    .default({ tableErpId: '1' }),
  /** Seed §6–8: billing types, payment plans and carriers of the store's orders ↔ WinThor codes. */
  mappings: BranchMappings.default({ billing: [], plans: [], carriers: [] }),
  /** Seed §5: what runs for this branch and how often. A new branch starts with DEFAULT_SCHEDULES. */
  schedules: z
    .array(Schedule)
    .superRefine((schedules, ctx) => {
      const seen = new Set<string>();
      schedules.forEach((schedule, index) => {
        if (seen.has(schedule.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `Agendamento ${schedule.id} aparece mais de uma vez na filial; use um identificador por linha.`,
          });
        }
        seen.add(schedule.id);
      });
    })
    .default(() => DEFAULT_SCHEDULES.map((schedule) => ({ ...schedule }))),
});
export type Branch = z.infer<typeof Branch>;

/** PCPARAMFILIAL.NOME of each WinThor parameter the integration reads; adjustable per installation. */
export const WINTHOR_PARAMETERS = ['2829', '4008', '4009', '4010', '4011', '4012', '4013', '4014'] as const;
export type WinthorParameter = (typeof WINTHOR_PARAMETERS)[number];

export const DEFAULT_PARAMETER_NAMES: Record<WinthorParameter, string> = {
  '2829': 'PERCESTOQUECIASHOP',
  '4008': 'CODCOBCIASHOP',
  '4009': 'CODPLPAGCIASHOP',
  '4010': 'PRECOVENDACIASHOP',
  '4011': 'CODPRACACIASHOP',
  '4012': 'CODRCACIASHOP',
  '4013': 'CODATVCIASHOP',
  '4014': 'NUMREGIAOCIASHOP',
};

/** How a customer created from the store is filled where WinThor sites differ (ADR 0110). */
export const NewCustomerSettings = z.object({
  /** PCCLIENT.CODFILIALNF, the branch that invoices the customer; empty = the branch of the order. */
  invoicingBranch: z
    .string()
    .regex(
      /^([0-9A-Za-z]{1,2})?$/,
      'Filial de faturamento do cliente: 1 ou 2 caracteres, como no WinThor (ex.: 1), ou vazio para usar a filial do pedido.',
    )
    .default(''),
  /** PCCLIENT.CONSUMIDORFINAL of a company with IE: false = 'N' (it buys to resell or to produce). */
  companyWithIeIsFinalConsumer: z.boolean().default(false),
});
export type NewCustomerSettings = z.infer<typeof NewCustomerSettings>;

/** A pool size: a whole number from `min` to 64, with a pt-BR message naming the field. */
const poolSize = (label: string, min: number) => {
  const message = `${label}: informe um número inteiro de ${min} a 64.`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(64, { error: message });
};

export const DatabaseSettings = z.object({
  kind: z.enum(['oracle', 'embedded']).default('oracle'),
  oracle: z
    .object({
      /** Easy Connect (host:port/service) or a TNS alias. */
      connectString: z.string().default(''),
      user: z.string().default(''),
      /** secret */
      password: z.string().default(''),
      /** Empty = Thin mode; a folder = Thick mode with that Instant Client. */
      instantClientDir: z.string().default(''),
      poolMin: poolSize('Conexões mínimas', 0).default(1),
      poolMax: poolSize('Conexões máximas', 1).default(4),
      /** Schema that owns the PC* tables when the user is another one; empty = the user's own. */
      schema: z.string().default(''),
    })
    .refine((oracle) => oracle.poolMin <= oracle.poolMax, {
      path: ['poolMin'],
      params: { rule: 'pool-order' },
      error: (issue) => {
        const oracle = issue.input as { poolMin: number; poolMax: number };
        return `Conexões mínimas (${oracle.poolMin}) não pode ser maior que Conexões máximas (${oracle.poolMax}).`;
      },
    })
    .default({
      connectString: '',
      user: '',
      password: '',
      instantClientDir: '',
      poolMin: 1,
      poolMax: 4,
      schema: '',
    }),
  embedded: z.object({ file: z.string().default('') }).default({ file: '' }),
});

export const ServerSettings = z.object({
  port: z.number().int().min(1, 'Porta: use um número entre 1 e 65535.').max(65535).default(7585),
  /** 127.0.0.1 = this machine only. Anything else requires a login password. */
  host: z.string().default('127.0.0.1'),
  /** Extra names the browser may use in the Host header (besides localhost and 127.0.0.1). */
  allowedHosts: z.array(z.string()).default([]),
  /** secret — required before the port may be opened to other machines. */
  loginPassword: z.string().default(''),
});

export { isLoopbackAddress };

/** The field named when the web server would listen off loopback without a login password. */
export const SERVER_ACCESS_FIELD = 'server.loginPassword';

/**
 * Listening off loopback needs a login password (ADR 0003): without one the host refuses to start, or
 * refuses every request when it is removed at run time. SECRET_MASK counts as a password (a stored one).
 */
export const serverAccessIssue = (settings: {
  server: { host: string; loginPassword: string };
}): string | undefined =>
  !isLoopbackAddress(settings.server.host) && settings.server.loginPassword === ''
    ? `Senha de acesso: defina uma senha antes de abrir a porta a outras máquinas (endereço de escuta ${settings.server.host}) ou volte o endereço de escuta para 127.0.0.1.`
    : undefined;

/**
 * The settings' fields without the cross-field checks of `Settings`: for building the patch schema and for
 * reading a file saved before a check existed. Validate with `Settings`.
 */
export const SettingsObject = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION),
  language: z.enum(['pt-BR', 'en']).default('pt-BR'),
  server: ServerSettings.default(ServerSettings.parse({})),
  database: DatabaseSettings.default(DatabaseSettings.parse({})),
  branches: z
    .array(Branch)
    .superRefine((branches, ctx) => {
      const seen = new Set<string>();
      branches.forEach((branch, index) => {
        if (seen.has(branch.code)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'code'],
            message: `Filial ${branch.code} aparece mais de uma vez; cada código de filial só pode ser usado uma vez.`,
          });
        }
        seen.add(branch.code);
      });
    })
    .default([]),
  monitoring: MonitoringSettings.default(MonitoringSettings.parse({})),
  winthor: z
    .object({
      parameterNames: z.record(z.enum(WINTHOR_PARAMETERS), z.string()).default(DEFAULT_PARAMETER_NAMES),
      newCustomers: NewCustomerSettings.default({ invoicingBranch: '', companyWithIeIsFinalConsumer: false }),
    })
    .default({
      parameterNames: DEFAULT_PARAMETER_NAMES,
      newCustomers: { invoicingBranch: '', companyWithIeIsFinalConsumer: false },
    }),
});

export const Settings = SettingsObject.superRefine((settings, ctx) => {
  const issue = serverAccessIssue(settings);
  if (issue) {
    ctx.addIssue({
      code: 'custom',
      path: ['server', 'loginPassword'],
      message: issue,
      params: { rule: 'server-access' },
    });
  }
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({ schemaVersion: SETTINGS_VERSION });

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A change to the settings: any subset of fields, at any depth; arrays (branches, lists) are replaced whole. */
export type SettingsPatch = DeepPartial<Omit<Settings, 'schemaVersion'>>;

/**
 * The same shape as the settings with every default removed and every object field optional. zod 4
 * applies a default even inside `.optional()` / `.partial()`, so a patch parsed with the settings' own
 * schema would turn `{ language }` into "everything else back to its default".
 */
const withoutDefaults = (schema: z.ZodType): z.ZodType => {
  if (schema instanceof z.ZodDefault) return withoutDefaults(schema.unwrap() as z.ZodType);
  // Arrays are replaced whole, but an unknown key inside an element (`branches[0].Store`) must be refused,
  // not stripped: the element would lose what the misspelled key held.
  if (schema instanceof z.ZodArray) return z.array(withoutDefaults(schema.element as z.ZodType));
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return z
      .object(
        Object.fromEntries(
          Object.entries(shape).map(([key, field]) => [key, withoutDefaults(field).optional()]),
        ),
      )
      .strict();
  }
  return schema;
};

export const SettingsPatch = withoutDefaults(SettingsObject.omit({ schemaVersion: true })) as z.ZodType<
  SettingsPatch,
  SettingsPatch
>;
