/**
 * A parser and evaluator for the OData v3 `$filter` subset SharePoint's REST API accepts
 * (Microsoft Learn: "Use OData query operations in SharePoint REST requests"): eq ne lt le gt ge,
 * and or not, parentheses, startswith(), substringof(), null, true/false, numbers, 'strings'
 * and datetime'...' literals, and `Field/Sub` paths for person and lookup fields.
 */

export type FilterNode =
  | { kind: 'compare'; op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'; left: Operand; right: Operand }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; inner: FilterNode }
  | { kind: 'call'; name: 'startswith' | 'substringof'; args: Operand[] };

export type Operand =
  | { kind: 'field'; path: string }
  | { kind: 'literal'; value: string | number | boolean | null; isDate?: boolean }
  | { kind: 'call'; node: FilterNode };

/** Raised for a query SharePoint would refuse with HTTP 400. */
export class ODataSyntaxError extends Error {}

type Token =
  | { t: 'id'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'date'; v: string }
  | { t: 'punct'; v: '(' | ')' | ',' };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'punct', v: c });
      i += 1;
      continue;
    }
    if (c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= src.length) throw new ODataSyntaxError(`The expression "${src}" is not valid: a text value is not closed.`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        value += src[i];
        i += 1;
      }
      tokens.push({ t: 'str', v: value });
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const date = /^datetime'([^']+)'/i.exec(src.slice(i));
    if (date) {
      tokens.push({ t: 'date', v: date[1] });
      i += date[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_/]*/.exec(src.slice(i));
    if (id) {
      tokens.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    throw new ODataSyntaxError(`The expression "${src}" is not valid at position ${i}.`);
  }
  return tokens;
}

/** Parse a `$filter` expression. */
export function parseFilter(src: string): FilterNode {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (): never => {
    throw new ODataSyntaxError(`The expression "${src}" is not valid.`);
  };
  const isWord = (w: string): boolean => {
    const k = peek();
    return k?.t === 'id' && k.v.toLowerCase() === w;
  };
  const expect = (v: '(' | ')' | ','): void => {
    const k = tokens[pos++];
    if (k?.t !== 'punct' || k.v !== v) fail();
  };

  function operand(): Operand {
    const k = tokens[pos++];
    if (!k) return fail();
    switch (k.t) {
      case 'str':
        return { kind: 'literal', value: k.v };
      case 'num':
        return { kind: 'literal', value: k.v };
      case 'date': {
        if (Number.isNaN(Date.parse(k.v))) fail();
        return { kind: 'literal', value: new Date(k.v).toISOString(), isDate: true };
      }
      case 'id': {
        const lower = k.v.toLowerCase();
        if (lower === 'null') return { kind: 'literal', value: null };
        if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
        if ((lower === 'startswith' || lower === 'substringof') && peek()?.t === 'punct') {
          pos -= 1;
          return { kind: 'call', node: call() };
        }
        return { kind: 'field', path: k.v };
      }
      default:
        return fail();
    }
  }

  function call(): FilterNode {
    const k = tokens[pos++];
    if (k?.t !== 'id') return fail();
    const name = k.v.toLowerCase() as 'startswith' | 'substringof';
    expect('(');
    const a = operand();
    expect(',');
    const b = operand();
    expect(')');
    return { kind: 'call', name, args: [a, b] };
  }

  function primary(): FilterNode {
    const k = peek();
    if (k?.t === 'punct' && k.v === '(') {
      pos += 1;
      const inner = or();
      expect(')');
      return inner;
    }
    const left = operand();
    const opTok = peek();
    if (opTok?.t === 'id' && ['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(opTok.v.toLowerCase())) {
      pos += 1;
      const right = operand();
      return { kind: 'compare', op: opTok.v.toLowerCase() as 'eq', left, right };
    }
    if (left.kind === 'call') return left.node;
    return fail();
  }

  function unary(): FilterNode {
    if (isWord('not')) {
      pos += 1;
      return { kind: 'not', inner: unary() };
    }
    return primary();
  }

  function and(): FilterNode {
    let left = unary();
    while (isWord('and')) {
      pos += 1;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  }

  function or(): FilterNode {
    let left = and();
    while (isWord('or')) {
      pos += 1;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  }

  const tree = or();
  if (pos !== tokens.length) fail();
  return tree;
}

/** Every field path a filter reads, for checking indexes and unknown columns. */
export function filterFields(node: FilterNode): string[] {
  const out: string[] = [];
  const visitOperand = (o: Operand): void => {
    if (o.kind === 'field') out.push(o.path);
    if (o.kind === 'call') visit(o.node);
  };
  const visit = (n: FilterNode): void => {
    switch (n.kind) {
      case 'compare':
        visitOperand(n.left);
        visitOperand(n.right);
        break;
      case 'and':
      case 'or':
        visit(n.left);
        visit(n.right);
        break;
      case 'not':
        visit(n.inner);
        break;
      case 'call':
        n.args.forEach(visitOperand);
        break;
    }
  };
  visit(node);
  return out;
}

/** Compare two values the way SharePoint compares column values (null sorts first). */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en-GB', { sensitivity: 'base' });
}

/** Evaluate a filter against one item; `read` resolves a field path to its value. */
export function evaluate(node: FilterNode, read: (path: string) => unknown): boolean {
  const value = (o: Operand): unknown => {
    if (o.kind === 'field') return read(o.path);
    if (o.kind === 'call') return evaluate(o.node, read);
    return o.value;
  };
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, read) && evaluate(node.right, read);
    case 'or':
      return evaluate(node.left, read) || evaluate(node.right, read);
    case 'not':
      return !evaluate(node.inner, read);
    case 'call': {
      const [a, b] = node.args.map(value);
      if (node.name === 'startswith') return typeof a === 'string' && typeof b === 'string' && a.toLowerCase().startsWith(b.toLowerCase());
      return typeof a === 'string' && typeof b === 'string' && b.toLowerCase().includes(a.toLowerCase());
    }
    case 'compare': {
      let l = value(node.left);
      let r = value(node.right);
      // SharePoint accepts 1/0 for Yes/No columns.
      if (typeof l === 'boolean' && typeof r === 'number') r = r !== 0;
      if (typeof r === 'boolean' && typeof l === 'number') l = l !== 0;
      if (Array.isArray(l)) return node.op === 'eq' ? l.includes(r) : node.op === 'ne' ? !l.includes(r) : false;
      const nullish = (v: unknown): boolean => v === null || v === undefined || v === '';
      if (nullish(l) || nullish(r)) {
        const equal = nullish(l) && nullish(r);
        if (node.op === 'eq') return equal;
        if (node.op === 'ne') return !equal;
        return false;
      }
      const c = compareValues(l, r);
      switch (node.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'lt':
          return c < 0;
        case 'le':
          return c <= 0;
        case 'gt':
          return c > 0;
        case 'ge':
          return c >= 0;
      }
    }
  }
  return false;
}
