import { z } from 'zod';

export const FAULT_TYPES = [
  'latency',
  'server-error',
  'rate-limit',
  'reset',
  'truncated-json',
  'hang',
  'error-200',
  'non-json',
] as const;

/**
 * One switchable fault. `times` = apply to the next N matching requests (then it is removed); `rate` =
 * probability per request (seeded); neither = every matching request. `path` = only requests whose path
 * (after /api/v1/) starts with it.
 */
export const FaultRule = z.object({
  type: z.enum(FAULT_TYPES),
  times: z.number().int().positive().optional(),
  rate: z.number().min(0).max(1).optional(),
  path: z.string().optional(),
  method: z.string().optional(),
  /** latency: ms added; */
  ms: z.number().int().nonnegative().optional(),
  /** server-error: 500 by default. */
  status: z.number().int().optional(),
  /** rate-limit: Retry-After seconds (default 1). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /**
   * reset, hang, server-error: the store PROCESSES the request first and then the answer is lost (the case
   * where repeating a create would duplicate it). Default false: the request is not processed.
   */
  after: z.boolean().optional(),
});
export type FaultRule = z.infer<typeof FaultRule>;

export class FaultSet {
  private rules: FaultRule[] = [];

  constructor(private readonly random: () => number) {}

  add(...rules: FaultRule[]): void {
    for (const rule of rules) this.rules.push(FaultRule.parse(rule));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** The faults that apply to this request (each counted rule is consumed). Latency first, then one failure. */
  take(method: string, path: string): { latencyMs: number; failure: FaultRule | null } {
    let latencyMs = 0;
    let failure: FaultRule | null = null;
    for (const rule of [...this.rules]) {
      if (rule.path && !path.startsWith(rule.path)) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.type !== 'latency' && failure) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
      }
      if (rule.type === 'latency') latencyMs += rule.ms ?? 0;
      else failure = rule;
    }
    return { latencyMs, failure };
  }
}
