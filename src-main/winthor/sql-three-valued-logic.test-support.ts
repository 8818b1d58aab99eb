/**
 * A tiny evaluator of the boolean expressions the Oracle queue triggers hold, with SQL's three-valued logic
 * (TRUE, FALSE, NULL = unknown): comparisons with NULL are NULL, `NOT NULL` is NULL, `TRUE OR NULL` is TRUE,
 * `FALSE AND NULL` is FALSE. The SQLite stand-in cannot run PL/SQL, so this is how the tests check what an
 * `IF` in a trigger body does with NULL columns (Oracle's rules, by reading the SQL Language Reference).
 *
 * Grammar: or := and (OR and)* ; and := not (AND not)* ; not := NOT not | primary ;
 * primary := ( or ) | operand IS [NOT] NULL | operand (= | <>) operand ; operand := :OLD.col | :NEW.col
 */
export type Truth = boolean | null;
export type ColumnValue = string | number | null;
export interface RowPair {
  old: Record<string, ColumnValue>;
  new: Record<string, ColumnValue>;
}

const TOKEN = /\s*(\(|\)|<>|=|:(?:OLD|NEW)\.[A-Z0-9_$#]+|[A-Z]+)/y;

const tokenize = (text: string): string[] => {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  const source = text.toUpperCase();
  while (TOKEN.lastIndex < source.trimEnd().length) {
    const match = TOKEN.exec(source);
    if (!match)
      throw new Error(
        `Expressão não reconhecida perto de: ${source.slice(TOKEN.lastIndex, TOKEN.lastIndex + 30)}`,
      );
    tokens.push(match[1]!);
  }
  return tokens;
};

const not = (a: Truth): Truth => (a === null ? null : !a);
const and = (a: Truth, b: Truth): Truth =>
  a === false || b === false ? false : a === null || b === null ? null : true;
const or = (a: Truth, b: Truth): Truth =>
  a === true || b === true ? true : a === null || b === null ? null : false;

export const evaluate = (expression: string, row: RowPair): Truth => {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string): string => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected))
      throw new Error(`Esperado ${expected ?? 'algo'}, encontrado ${token ?? 'o fim'}`);
    return token;
  };
  const operand = (): ColumnValue => {
    const token = take();
    const m = /^:(OLD|NEW)\.(.+)$/.exec(token);
    if (!m) throw new Error(`Operando inválido: ${token}`);
    const side = m[1] === 'OLD' ? row.old : row.new;
    return side[m[2]!] ?? null;
  };
  const primary = (): Truth => {
    if (peek() === '(') {
      take('(');
      const value = orExpr();
      take(')');
      return value;
    }
    const left = operand();
    const op = take();
    if (op === 'IS') {
      const negated = peek() === 'NOT';
      if (negated) take('NOT');
      take('NULL');
      return negated ? left !== null : left === null;
    }
    const right = operand();
    if (left === null || right === null) return null;
    if (op === '=') return left === right;
    if (op === '<>') return left !== right;
    throw new Error(`Operador inválido: ${op}`);
  };
  const notExpr = (): Truth => {
    if (peek() === 'NOT') {
      take('NOT');
      return not(notExpr());
    }
    return primary();
  };
  const andExpr = (): Truth => {
    let value = notExpr();
    while (peek() === 'AND') {
      take('AND');
      value = and(value, notExpr());
    }
    return value;
  };
  function orExpr(): Truth {
    let value = andExpr();
    while (peek() === 'OR') {
      take('OR');
      value = or(value, andExpr());
    }
    return value;
  }
  const result = orExpr();
  if (at !== tokens.length) throw new Error(`Sobrou texto na expressão: ${tokens.slice(at).join(' ')}`);
  return result;
};
