/**
 * Reading the shape of a user's window expression: is it one function call (`avg("Sales ($)")`,
 * `count(*) FILTER (WHERE x > 0)`), and which function? Or did the user write their own OVER?
 * A small scanner that skips quoted text, so `avg("a (b)")` and `'over'` are read correctly.
 */

export type WindowExpression =
  | { kind: 'call'; functionName: string }
  | { kind: 'has-over' }
  | { kind: 'other' };

interface Token {
  text: string;
  /** Index of the matching `)` for a `(` token. */
  close?: number;
}

/** Words, parentheses, quoted text (as one token) and single symbols; whitespace dropped. */
function tokenize(sql: string): Token[] | undefined {
  const tokens: Token[] = [];
  const open: number[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) return undefined; // unterminated quote: let DuckDB report it
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      tokens.push({ text: sql.slice(i, j + 1) });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))![0];
      tokens.push({ text: word });
      i += word.length;
    } else {
      if (ch === '(') open.push(tokens.length);
      if (ch === ')') {
        const start = open.pop();
        if (start === undefined) return undefined;
        tokens[start]!.close = tokens.length;
      }
      tokens.push({ text: ch });
      i++;
    }
  }
  return open.length === 0 ? tokens : undefined;
}

/** `name(...)` optionally followed by `FILTER (...)`, and nothing else. */
export function classifyWindowExpression(sql: string): WindowExpression {
  const tokens = tokenize(sql);
  if (!tokens) return { kind: 'other' };
  if (tokens.some((t) => t.text.toUpperCase() === 'OVER')) return { kind: 'has-over' };
  const [name, paren] = tokens;
  if (!name || !paren || !/^[A-Za-z_]/.test(name.text) || paren.text !== '(' || paren.close === undefined) return { kind: 'other' };
  let next = paren.close + 1;
  const filter = tokens[next];
  if (filter?.text.toUpperCase() === 'FILTER' && tokens[next + 1]?.close !== undefined) next = tokens[next + 1]!.close! + 1;
  return next === tokens.length ? { kind: 'call', functionName: name.text.toLowerCase() } : { kind: 'other' };
}

/** Functions that number or look up rows by position: a ROWS frame does not apply to them. */
export const FRAMELESS_FUNCTIONS = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead']);
