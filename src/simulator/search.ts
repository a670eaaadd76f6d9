/**
 * `$search` on directory objects: `"property:text"` clauses joined by `OR`/`AND`. Graph matches
 * each word of the text against the start of the property's words, ignoring case but NOT
 * diacritics (`berzina` does not find `Bērziņa`); the bot folds diacritics itself.
 * https://learn.microsoft.com/en-us/graph/search-query-parameter#using-search-on-directory-object-collections
 */
import { ODataError } from './wire';

export type SearchExpression =
  | { readonly kind: 'and' | 'or'; readonly left: SearchExpression; readonly right: SearchExpression }
  | { readonly kind: 'term'; readonly property: string; readonly text: string };

export interface SearchSchema<T> {
  readonly resource: string;
  /** Searchable properties by name. */
  readonly properties: Readonly<Record<string, (item: T) => string | null>>;
}

export function compileSearch<T>(text: string, schema: SearchSchema<T>): (item: T) => boolean {
  return compile(parseSearch(text), schema);
}

export function parseSearch(text: string): SearchExpression {
  const clauses: SearchExpression[] = [];
  const connectors: ('and' | 'or')[] = [];
  let at = skipSpaces(text, 0);
  for (;;) {
    const clause = readClause(text, at);
    clauses.push(clause.term);
    at = skipSpaces(text, clause.end);
    if (at >= text.length) break;
    // OData's $search operators are upper-case words; lower-case `or` would be part of the text.
    const connector = /^(OR|AND)\s/.exec(text.slice(at));
    if (connector === null || connector[1] === undefined) throw syntaxError(text, at);
    connectors.push(connector[1] === 'OR' ? 'or' : 'and');
    at = skipSpaces(text, at + connector[1].length);
  }
  return combine(clauses, connectors);
}

/** `AND` binds tighter than `OR`, as in OData. */
function combine(clauses: SearchExpression[], connectors: ('and' | 'or')[]): SearchExpression {
  const alternatives: SearchExpression[] = [];
  let current = clauses[0] as SearchExpression;
  connectors.forEach((connector, index) => {
    const next = clauses[index + 1] as SearchExpression;
    if (connector === 'and') {
      current = { kind: 'and', left: current, right: next };
    } else {
      alternatives.push(current);
      current = next;
    }
  });
  alternatives.push(current);
  return alternatives.reduce((left, right) => ({ kind: 'or', left, right }));
}

function readClause(text: string, start: number): { term: SearchExpression; end: number } {
  if (text.charAt(start) !== '"') throw syntaxError(text, start);
  let content = '';
  let at = start + 1;
  while (at < text.length && text.charAt(at) !== '"') {
    if (text.charAt(at) === '\\' && at + 1 < text.length) at += 1;
    content += text.charAt(at);
    at += 1;
  }
  if (at >= text.length) throw syntaxError(text, start);
  const colon = content.indexOf(':');
  const property = content.slice(0, colon).trim();
  const value = content.slice(colon + 1).trim();
  if (colon < 1 || property === '' || value === '') throw syntaxError(text, start);
  return { term: { kind: 'term', property, text: value }, end: at + 1 };
}

function skipSpaces(text: string, at: number): number {
  let position = at;
  while (position < text.length && /\s/.test(text.charAt(position))) position += 1;
  return position;
}

function syntaxError(text: string, at: number): ODataError {
  return new ODataError(400, 'BadRequest', `Invalid $search clause: Syntax error at position ${at} in '${text}'.`);
}

function compile<T>(expression: SearchExpression, schema: SearchSchema<T>): (item: T) => boolean {
  if (expression.kind !== 'term') {
    const left = compile(expression.left, schema);
    const right = compile(expression.right, schema);
    return expression.kind === 'and' ? (item) => left(item) && right(item) : (item) => left(item) || right(item);
  }
  const entry = Object.entries(schema.properties).find(
    ([name]) => name.toLowerCase() === expression.property.toLowerCase(),
  );
  if (entry === undefined) {
    throw new ODataError(
      400,
      'Request_UnsupportedQuery',
      `Unsupported or invalid query search clause specified for property '${expression.property}' of resource '${schema.resource}'.`,
    );
  }
  const [name, read] = entry;
  if (!TOKENIZED.has(name)) {
    // Other properties are not split into words: the clause is a prefix of the whole value.
    const prefix = expression.text.toLowerCase();
    return (item) => read(item)?.toLowerCase().startsWith(prefix) ?? false;
  }
  const wanted = words(expression.text);
  return (item) => {
    const value = read(item);
    if (value === null) return false;
    const available = words(value);
    return wanted.every((word) => available.some((candidate) => candidate.startsWith(word)));
  };
}

/**
 * Only `displayName` and `description` are tokenized; on every other property `$search` behaves
 * like `startswith`. https://learn.microsoft.com/en-us/graph/search-query-parameter
 */
const TOKENIZED = new Set(['displayName', 'description']);

/** Graph's tokenizer splits on spaces and the punctuation of names and addresses. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s.@\-_]+/)
    .filter((word) => word !== '');
}
