/**
 * The branches of the demo WinThor (PCFILIAL) — the one list of demo branches: the seed writes them, the
 * demo wiring (src-main/runtime/demo) configures them in the settings and points their stores at the sandbox.
 */
export const DEMO_BRANCHES = [
  { code: '1', name: 'MATRIZ PORTO ALEGRE', fantasia: 'MATRIZ', region: 1, uf: 'RS' },
  { code: '2', name: 'FILIAL SAO PAULO', fantasia: 'FILIAL SP', region: 2, uf: 'SP' },
] as const;

/** The codes of the demo branches ('1', '2'). */
export const DEMO_BRANCH_CODES: readonly string[] = DEMO_BRANCHES.map((branch) => branch.code);
