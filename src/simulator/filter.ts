/**
 * The part of OData `$filter` Graph offers on the resources the bot reads: comparisons and
 * `startswith` joined by `and`/`or`, with parentheses. A resource declares which property accepts
 * which operator; anything else is refused the way Graph refuses it, so a query that works here has
 * a fair chance of working against the real service.
 * https://learn.microsoft.com/en-us/graph/filter-query-parameter
 */
import { ODataError } from './wire';

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'startswith';
type ComparisonOperator = Exclude<FilterOperator, 'startswith'>;

export type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'dateTime'; readonly value: number }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' };

export type FilterExpression =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: 'predicate'; readonly operator: FilterOperator; readonly property: string; readonly value: Literal };

/** How one property of a resource may be filtered. */
export interface FilterableProperty<T> {
  readonly type: 'string' | 'dateTime' | 'number';
  readonly operators: readonly FilterOperator[];
  readonly read: (item: T) => string | number | null;
}

export interface FilterSchema<T> {
  /** As Graph names it in errors, e.g. `User`. */
  readonly resource: string;
  readonly properties: Readonly<Record<string, FilterableProperty<T>>>;
}

/** Parses and checks `$filter` text against a schema, returning a predicate over the resource. */
export function compileFilter<T>(text: string, schema: FilterSchema<T>): (item: T) => boolean {
  return compile(parseFilter(text), schema);
}

// ---------------------------------------------------------------------------------------------
// Parsing

type Token =
  | { readonly kind: 'open' | 'close' | 'comma'; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | { readonly kind: 'word'; readonly value: string; readonly at: number };

export function parseFilter(text: string): FilterExpression {
  const parser = new FilterParser(text);
  return parser.parse();
}

class FilterParser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text, (at) => this.syntaxError(at));
  }

  parse(): FilterExpression {
    if (this.tokens.length === 0) throw this.syntaxError(0);
    const expression = this.parseOr();
    const rest = this.tokens[this.index];
    if (rest !== undefined) throw this.syntaxError(rest.at);
    return expression;
  }

  private parseOr(): FilterExpression {
    let left = this.parseAnd();
    while (this.peekKeyword('or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterExpression {
    let left = this.parsePrimary();
    while (this.peekKeyword('and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.parsePrimary() };
    }
    return left;
  }

  private parsePrimary(): FilterExpression {
    const token = this.next();
    if (token.kind === 'open') {
      const inner = this.parseOr();
      this.expect('close');
      return inner;
    }
    if (token.kind !== 'word') throw this.syntaxError(token.at);
    const name = token.value;
    if (name.toLowerCase() === 'not') {
      // Graph offers `not` only as an advanced query on a few properties; the bot never needs it.
      throw new ODataError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
    }
    if (this.tokens[this.index]?.kind === 'open') return this.parseFunction(name);
    const operator = this.next();
    if (operator.kind !== 'word' || !isComparison(operator.value.toLowerCase())) throw this.syntaxError(operator.at);
    return {
      kind: 'predicate',
      operator: operator.value.toLowerCase() as ComparisonOperator,
      property: name,
      value: this.parseLiteral(),
    };
  }

  private parseFunction(name: string): FilterExpression {
    this.expect('open');
    const property = this.next();
    if (property.kind !== 'word') throw this.syntaxError(property.at);
    this.expect('comma');
    const value = this.parseLiteral();
    this.expect('close');
    if (name.toLowerCase() !== 'startswith') {
      throw new ODataError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
    }
    return { kind: 'predicate', operator: 'startswith', property: property.value, value };
  }

  private parseLiteral(): Literal {
    const token = this.next();
    if (token.kind === 'string') return { type: 'string', value: token.value };
    if (token.kind !== 'word') throw this.syntaxError(token.at);
    const word = token.value;
    if (word === 'null') return { type: 'null' };
    if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
    if (/^-?\d+(\.\d+)?$/.test(word)) return { type: 'number', value: Number(word) };
    if (DATE_TIME.test(word) && !Number.isNaN(Date.parse(word))) return { type: 'dateTime', value: Date.parse(word) };
    throw this.syntaxError(token.at);
  }

  private peekKeyword(keyword: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'word' && token.value.toLowerCase() === keyword;
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token === undefined) throw this.syntaxError(this.text.length);
    this.index += 1;
    return token;
  }

  private expect(kind: 'open' | 'close' | 'comma'): void {
    const token = this.next();
    if (token.kind !== kind) throw this.syntaxError(token.at);
  }

  private syntaxError(at: number): ODataError {
    return new ODataError(400, 'BadRequest', `Invalid filter clause: Syntax error at position ${at} in '${this.text}'.`);
  }
}

/** An unquoted DateTimeOffset literal, e.g. `2026-11-01T00:00:00Z`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

function tokenize(text: string, syntaxError: (at: number) => ODataError): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', at });
      at += 1;
    } else if (char === "'") {
      const literal = readStringLiteral(text, at);
      if (literal === undefined) throw syntaxError(at);
      tokens.push({ kind: 'string', value: literal.value, at });
      at = literal.end;
    } else {
      const start = at;
      while (at < text.length && !/[\s(),']/.test(text.charAt(at))) at += 1;
      tokens.push({ kind: 'word', value: text.slice(start, at), at: start });
    }
  }
  return tokens;
}

/** OData string literal: single quotes, with a quote inside written twice (`'O''Brien'`). */
function readStringLiteral(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === "'") {
      if (text.charAt(at + 1) !== "'") return { value, end: at + 1 };
      value += "'";
      at += 2;
    } else {
      value += char;
      at += 1;
    }
  }
  return undefined;
}

function isComparison(word: string): word is ComparisonOperator {
  return ['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(word);
}

// ---------------------------------------------------------------------------------------------
// Checking against the resource and evaluating

const OPERATOR_KIND: Readonly<Record<ComparisonOperator, string>> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

const EDM_TYPE: Readonly<Record<Literal['type'] | FilterableProperty<unknown>['type'], string>> = {
  string: 'Edm.String',
  dateTime: 'Edm.DateTimeOffset',
  number: 'Edm.Int32',
  boolean: 'Edm.Boolean',
  null: 'null',
};

export function compile<T>(expression: FilterExpression, schema: FilterSchema<T>): (item: T) => boolean {
  if (expression.kind !== 'predicate') {
    const left = compile(expression.left, schema);
    const right = compile(expression.right, schema);
    return expression.kind === 'and' ? (item) => left(item) && right(item) : (item) => left(item) || right(item);
  }
  const { operator, value } = expression;
  const entry = Object.entries(schema.properties).find(
    ([name]) => name.toLowerCase() === expression.property.toLowerCase(),
  );
  if (entry === undefined || !entry[1].operators.includes(operator)) {
    throw new ODataError(
      400,
      'Request_UnsupportedQuery',
      `Unsupported or invalid query filter clause specified for property '${expression.property}' ` +
        `of resource '${schema.resource}'.`,
    );
  }
  const property = entry[1];
  if (value.type === 'null' || value.type === 'boolean' || value.type !== property.type) {
    const kind = operator === 'startswith' ? 'startswith' : OPERATOR_KIND[operator];
    throw new ODataError(
      400,
      'BadRequest',
      'A binary operator with incompatible types was detected. Found operand types ' +
        `'${EDM_TYPE[property.type]}' and '${EDM_TYPE[value.type]}' for operator kind '${kind}'.`,
    );
  }
  const wanted = value.value;
  return (item) => {
    const actual = property.read(item);
    if (actual === null) return false;
    return test(operator, normalise(property.type, actual), normalise(property.type, wanted));
  };
}

/** Directory string comparisons ignore case; date-times compare as instants. */
function normalise(type: FilterableProperty<unknown>['type'], value: string | number): string | number {
  if (type === 'string') return String(value).toLowerCase();
  if (type === 'dateTime' && typeof value === 'string') return Date.parse(value);
  return value;
}

function test(operator: FilterOperator, actual: string | number, wanted: string | number): boolean {
  switch (operator) {
    case 'startswith':
      return String(actual).startsWith(String(wanted));
    case 'eq':
      return actual === wanted;
    case 'ne':
      return actual !== wanted;
    case 'gt':
      return actual > wanted;
    case 'ge':
      return actual >= wanted;
    case 'lt':
      return actual < wanted;
    case 'le':
      return actual <= wanted;
  }
}
