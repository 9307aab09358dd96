/**
 * Expands the placeholders of a form's formula templates into A1 references (see types.ts):
 * `{r}` row, `{c:key}` column letter, `{first}` / `{last}` data rows, `{t:key}` a totals cell.
 * An unknown key is a definition bug, so it throws instead of writing a broken formula.
 */

export interface FormulaContext {
  /** 1-based row of the current data row (row formulas only). */
  row?: number;
  first: number;
  last: number;
  /** column key -> letter */
  letters: ReadonlyMap<string, string>;
  /** column key -> A1 address of its totals cell */
  totals: ReadonlyMap<string, string>;
}

/**
 * @example expandFormula('IFERROR({c:sold}{r}/{c:total}{r},"")', { row: 7, first: 5, last: 20,
 *   letters: new Map([['sold', 'D'], ['total', 'E']]), totals: new Map() }) // 'IFERROR(D7/E7,"")'
 */
export function expandFormula(template: string, ctx: FormulaContext): string {
  return template.replace(/\{(r|first|last|c:[\w-]+|t:[\w-]+)\}/g, (_m, token: string) => {
    if (token === 'r') {
      if (ctx.row === undefined) throw new Error(`Formula template uses {r} outside a data row: ${template}`);
      return String(ctx.row);
    }
    if (token === 'first') return String(ctx.first);
    if (token === 'last') return String(ctx.last);
    const key = token.slice(2);
    const found = token.startsWith('c:') ? ctx.letters.get(key) : ctx.totals.get(key);
    if (found === undefined) throw new Error(`Formula template refers to unknown column '${key}': ${template}`);
    return found;
  });
}
