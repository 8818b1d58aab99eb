import { z } from 'zod';
import { isLoopbackAddress } from '../shared/loopback';
import { BranchEmail, MonitoringSettings } from './email-settings';
import { BranchMappings } from './mapping-settings';
import { DEFAULT_SCHEDULES, Schedule } from './schedule-settings';

export * from './mapping-settings';
export * from './schedule-settings';

/**
 * The one schema of the local settings (architecture.md, "Where data lives"), shared by the desktop and
 * the headless host and, for its types, by the UI. Bump SETTINGS_VERSION and add a migration in
 * src-main/config/migrations.ts for every change that is not purely additive with defaults.
 */
export const SETTINGS_VERSION = 2;

/** What the UI sees instead of a stored secret. Sending it back means "keep the stored value". */
export const SECRET_MASK = '••••••••';

export {
  BranchEmail,
  MonitoringSettings,
  SMTP_PROTOCOLS,
  EMAIL_ADDRESS,
  AlertSettings,
} from './email-settings';

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

/** How store orders are imported (issue #10, ADR 0114). */
export const OrderImportSettings = z.object({
  /**
   * Days the pull goes back before the last pull's date (`minUpdatedAt` is a date without a time zone): at
   * least 1. The unique key (store, order id), never the cursor, keeps an order from a second import.
   */
  cursorOverlapDays: z
    .number({ error: 'Sobreposição do cursor de pedidos: informe um número inteiro de 1 a 30 dias.' })
    .int({ error: 'Sobreposição do cursor de pedidos: informe um número inteiro de 1 a 30 dias.' })
    .min(1, { error: 'Sobreposição do cursor de pedidos: informe um número inteiro de 1 a 30 dias.' })
    .max(30, { error: 'Sobreposição do cursor de pedidos: informe um número inteiro de 1 a 30 dias.' })
    .default(2),
  /** An item sold further than this from WinThor's price (in %) waits as a pendência. */
  priceTolerancePercent: z
    .number({ error: 'Tolerância de preço dos pedidos: informe um percentual de 0 a 100.' })
    .min(0, { error: 'Tolerância de preço dos pedidos: informe um percentual de 0 a 100.' })
    .max(100, { error: 'Tolerância de preço dos pedidos: informe um percentual de 0 a 100.' })
    .default(10),
});
export type OrderImportSettings = z.infer<typeof OrderImportSettings>;

/** The "Clientes" job: customers created or changed in the store. */
export const CustomerSyncSettings = z.object({
  /** Existing WinThor customers take the store's name, contact and address (false: only new ones are created). */
  updateExisting: z.boolean().default(false),
});

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
  orders: OrderImportSettings.default({ cursorOverlapDays: 2, priceTolerancePercent: 10 }),
  customers: CustomerSyncSettings.default({ updateExisting: false }),
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
