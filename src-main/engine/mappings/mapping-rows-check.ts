import type { CodeMapping, MappingKind, WinthorCode } from '../../contract';
import { AppError } from '../../shared/app-error';
import { normaliseStoreCode } from './order-code-sightings';

/** How each kind is named in messages, and the WinThor table its codes come from. */
export const MAPPING_NAMES: Record<MappingKind, { noun: string; table: string }> = {
  billing: { noun: 'cobrança', table: 'PCCOB' },
  plans: { noun: 'plano de pagamento', table: 'PCPLPAG' },
  carriers: { noun: 'transportadora', table: 'PCFORNEC' },
};

const sameRow = (a: CodeMapping, b: CodeMapping): boolean =>
  normaliseStoreCode(a.storeCode) === normaliseStoreCode(b.storeCode) && a.winthorCode === b.winthorCode;

/** The code of WinThor's list a typed code stands for: as typed, "03" for 3, or "cart" for CART. */
const canonical = (typed: string, codes: readonly WinthorCode[]): WinthorCode | undefined => {
  const exact = codes.find((code) => code.code === typed);
  if (exact) return exact;
  if (/^\d+$/.test(typed)) return codes.find((code) => /^\d+$/.test(code.code) && +code.code === +typed);
  const folded = codes.filter((code) => code.code.toUpperCase() === typed.toUpperCase());
  return folded.length === 1 ? folded[0] : undefined;
};

/**
 * Checks the rows of one mapping screen before they are saved, and returns them with each new WinThor code
 * written as WinThor's list has it. Refused, with a pt-BR message naming the row's field and the fix:
 * - a store code on two rows (compared as the order import compares them: no case, no surrounding spaces);
 * - a new or changed row whose WinThor code is not in WinThor's list.
 * A row saved before and left as it is passes even if its code has since left WinThor: the screen flags
 * it, and refusing would block every other change until it is fixed (ADR 0120).
 */
export const checkMappingRows = async (
  kind: MappingKind,
  rows: readonly CodeMapping[],
  saved: readonly CodeMapping[],
  /** WinThor's list; read only when a row is new or changed (a removal needs no database). */
  winthorCodes: () => Promise<readonly WinthorCode[]>,
): Promise<CodeMapping[]> => {
  const { noun, table } = MAPPING_NAMES[kind];
  const firstRow = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = normaliseStoreCode(row.storeCode);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      throw new AppError(
        'duplicate_store_code',
        `Código na loja: "${row.storeCode}" já está mapeado (${noun}, linha ${earlier + 1}); cada código da loja aponta para um só código do WinThor.`,
        {
          field: `rows.${index}.storeCode`,
          fix: 'Edite a linha que já existe para trocar o código do WinThor, ou remova uma das duas.',
        },
      );
    }
    firstRow.set(key, index);
  });
  const unchanged = (row: CodeMapping) => saved.some((old) => sameRow(old, row));
  if (rows.every(unchanged)) return [...rows];
  const codes = await winthorCodes();
  return rows.map((row, index) => {
    if (unchanged(row)) return row;
    const found = canonical(row.winthorCode, codes);
    if (!found) {
      throw new AppError(
        'unknown_winthor_code',
        `Código no WinThor: ${noun} "${row.winthorCode}" não existe no WinThor (${table}).`,
        {
          field: `rows.${index}.winthorCode`,
          fix: 'Escolha um código da lista do WinThor; se o código ainda não existe, cadastre-o no WinThor antes.',
        },
      );
    }
    return { ...row, winthorCode: found.code };
  });
};
