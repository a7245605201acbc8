/**
 * A tsquery as PostgreSQL prints it (`'oil' & 'price'`, `'cocoa' & !'bahia' | 'harvest'`), read back
 * as a boolean expression of lexemes: what a story's set of lexemes alone decides. Phrases (`<->`),
 * weights and prefixes need more than that set and are not read (null).
 */
export type LexemeExpr =
  { op: 'lexeme'; lexeme: string } | { op: 'not'; arg: LexemeExpr } | { op: 'and' | 'or'; args: [LexemeExpr, LexemeExpr] };

type Token = { kind: 'lexeme'; lexeme: string } | { kind: '&' | '|' | '!' | '(' | ')' };

function tokens(printed: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < printed.length) {
    const c = printed[i]!;
    if (c === ' ') i++;
    else if (c === '&' || c === '|' || c === '!' || c === '(' || c === ')') {
      out.push({ kind: c });
      i++;
    } else if (c === "'") {
      let lexeme = '';
      i++;
      for (;;) {
        if (i >= printed.length) return null;
        const d = printed[i]!;
        if (d === '\\' && i + 1 < printed.length) {
          lexeme += printed[i + 1];
          i += 2;
        } else if (d === "'" && printed[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          lexeme += d;
          i++;
        }
      }
      // a weight or prefix mark (`'oil':A`, `'oil':*`)
      if (printed[i] === ':') return null;
      out.push({ kind: 'lexeme', lexeme });
    } else return null; // `<->`, `<2>`: a phrase
  }
  return out;
}

/** The expression of a printed tsquery, or null for an empty one or one with phrases, weights or prefixes. */
export function parseTsquery(printed: string): LexemeExpr | null {
  const list = tokens(printed);
  if (!list || list.length === 0) return null;
  let at = 0;
  const peek = (): Token | undefined => list[at];
  // Precedence as PostgreSQL's: ! above & above |; each binary operator joins its operands left to right.
  const binary = (mark: '&' | '|', op: 'and' | 'or', operand: () => LexemeExpr | null) => (): LexemeExpr | null => {
    let left = operand();
    while (left && peek()?.kind === mark) {
      at++;
      const right = operand();
      left = right ? { op, args: [left, right] } : null;
    }
    return left;
  };
  const and = binary('&', 'and', () => unary());
  const or = binary('|', 'or', and);
  const unary = (): LexemeExpr | null => {
    const t = list[at++];
    if (!t) return null;
    if (t.kind === 'lexeme') return { op: 'lexeme', lexeme: t.lexeme };
    if (t.kind === '!') {
      const arg = unary();
      return arg ? { op: 'not', arg } : null;
    }
    if (t.kind === '(') {
      const inner = or();
      if (!inner || list[at++]?.kind !== ')') return null;
      return inner;
    }
    return null;
  };
  const expr = or();
  return expr && at === list.length ? expr : null;
}

/** Every lexeme the expression names, each once. */
export function lexemesOf(expr: LexemeExpr): string[] {
  const out = new Set<string>();
  const walk = (e: LexemeExpr): void => {
    if (e.op === 'lexeme') out.add(e.lexeme);
    else if (e.op === 'not') walk(e.arg);
    else e.args.forEach(walk);
  };
  walk(expr);
  return [...out];
}

/** The expression's value with each lexeme's value given. */
export function evaluate(expr: LexemeExpr, has: (lexeme: string) => boolean): boolean {
  if (expr.op === 'lexeme') return has(expr.lexeme);
  if (expr.op === 'not') return !evaluate(expr.arg, has);
  return expr.op === 'and'
    ? evaluate(expr.args[0], has) && evaluate(expr.args[1], has)
    : evaluate(expr.args[0], has) || evaluate(expr.args[1], has);
}

/** The expression in SQL over bit strings: `operand(i)` for the i-th lexeme of `lexemes`, & | ~ for and, or, not. */
export function bitsSql(expr: LexemeExpr, lexemes: readonly string[], operand: (index: number) => string): string {
  if (expr.op === 'lexeme') return operand(lexemes.indexOf(expr.lexeme));
  if (expr.op === 'not') return `(~${bitsSql(expr.arg, lexemes, operand)})`;
  const [a, b] = expr.args.map((e) => bitsSql(e, lexemes, operand));
  return `(${a} ${expr.op === 'and' ? '&' : '|'} ${b})`;
}
