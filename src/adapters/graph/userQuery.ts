/**
 * Turning what a person typed ("anna@contoso.com", "Bērziņa", "berzina") into a safe Graph query.
 * User text never reaches a URL raw: addresses go into OData string literals with quotes doubled,
 * names into `$search` phrases from a small alphabet; anything else is refused with a reason.
 */

export type UserQuery =
  | { readonly kind: 'address'; readonly address: string }
  | { readonly kind: 'name'; readonly text: string; readonly folded: string };

import type { UserQueryRefusal } from '../../operations/ports';
import { latvianNameForms } from '../../i18n/latvianNames';

export type { UserQueryRefusal };

export type ParsedUserQuery =
  | { readonly kind: 'query'; readonly query: UserQuery }
  | { readonly kind: 'refused'; readonly reason: UserQueryRefusal };

/** A UPN is at most 113 characters; a display name at most 256. */
export const MAX_QUERY_LENGTH = 256;

/** Characters that may appear in an e-mail address or UPN as Entra accepts them. */
const ADDRESS = /^[\p{L}\p{N}._%+\-'!#$&*=?^`{|}~]+@[\p{L}\p{N}.-]+$/u;
/** Letters of any script (Latvian diacritics included), digits, and the punctuation names use. */
const NAME = /^[\p{L}\p{M}\p{N} .'_-]+$/u;

export function parseUserQuery(input: string): ParsedUserQuery {
  const text = tidy(input);
  if (text.length === 0) {
    return { kind: 'refused', reason: 'empty' };
  }
  if (text.length > MAX_QUERY_LENGTH) {
    return { kind: 'refused', reason: 'tooLong' };
  }
  if (text.includes('@')) {
    return ADDRESS.test(text)
      ? { kind: 'query', query: { kind: 'address', address: text } }
      : { kind: 'refused', reason: 'unsupportedCharacters' };
  }
  return NAME.test(text)
    ? { kind: 'query', query: { kind: 'name', text, folded: foldDiacritics(text) } }
    : { kind: 'refused', reason: 'unsupportedCharacters' };
}

/**
 * What people paste or end a sentence with, taken off: "Megan Bowen <meganb@contoso.com>" as Outlook
 * copies a recipient is the address inside the brackets; a full stop or question mark after a name or
 * address is the sentence's.
 */
function tidy(input: string): string {
  const text = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  const bracketed = OUTLOOK_RECIPIENT.exec(text)?.[1];
  return (bracketed ?? text).replace(/(?<=[\p{L}\p{N}])[.,;:!?]+$/u, '');
}

/** `Name <address>` or `<mailto:address>`; the address is checked like any other. */
const OUTLOOK_RECIPIENT = /^[^<>]*<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+)\s*>$/i;

/** "Bērziņa" → "Berzina": UPNs and mail addresses are written without diacritics. */
export function foldDiacritics(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * An OData string literal: single quotes doubled.
 * https://learn.microsoft.com/en-us/graph/query-parameters#escaping-single-quotes
 */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `$filter` for an exact address, a UPN or a mail address, encoded for the URL. */
export function addressFilter(address: string): string {
  const literal = odataString(address);
  return encodeURIComponent(`userPrincipalName eq ${literal} or mail eq ${literal}`);
}

/**
 * An address Graph takes as the `/users/{userPrincipalName}` key as it is. A UPN starting with `$`, or
 * holding `'`, `#` (guests' `#EXT#`) or `/`, needs other forms of the key; those are found first
 * and read by object id instead.
 * https://learn.microsoft.com/en-us/graph/api/user-get ("$ character")
 */
export function isPlainAddress(address: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9.-]+$/.test(address);
}

/** The user properties every lookup selects. */
export const USER_SUMMARY_FIELDS = 'id,displayName,userPrincipalName,mail';

/** Ten matches are as many as a person can choose from; more means "be more specific". */
export const MAX_MATCHES = 10;

export interface GraphQuery {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Addresses are matched exactly with `$filter`; names with `$search`, which matches word prefixes
 * anywhere in a display name (so a surname finds "Anna Bērziņa") and on other properties behaves like
 * `startswith`. It needs `ConsistencyLevel: eventual` (and `$count=true` per the user-list page).
 * https://learn.microsoft.com/en-us/graph/search-query-parameter
 * Graph is not documented to fold diacritics, so an ASCII name ("Berzina") is also searched in its
 * Latvian spellings ("Bērziņa") and, with dots for spaces, as the start of a UPN or address. A name
 * typed in a Latvian sentence is also searched as the nominatives it may come from ("Annai Bērziņai"
 * → "Anna Bērziņa", `anna.berzina`). At most MAX_SEARCH_CLAUSES clauses, the name as typed first.
 */
export function findUsersRequest(query: UserQuery): GraphQuery {
  if (query.kind === 'address') {
    return { path: `/users?$filter=${addressFilter(query.address)}&${selectTop(MAX_MATCHES)}`, headers: {} };
  }
  const forms = latvianNameForms(query.text);
  const dotted = (name: string): string => foldDiacritics(name).toLowerCase().replace(/ /g, '.');
  const asTyped = [`"displayName:${query.text}"`, `"displayName:${query.folded}"`];
  const clauses = new Set([
    ...asTyped,
    ...latvianSpellings(query.text).map((name) => `"displayName:${name}"`),
    ...upnClauses(dotted(query.text)),
    ...forms.flatMap((form) => [`"displayName:${form}"`, `"displayName:${foldDiacritics(form)}"`]),
    ...forms.flatMap((form) => upnClauses(dotted(form))),
  ]);
  return searchRequest(withinLimits([...clauses]), MAX_MATCHES);
}

/** Clauses a `$search` may hold here, and their length in characters: the URL stays a few kilobytes. */
export const MAX_SEARCH_CLAUSES = 48;
const MAX_SEARCH_LENGTH = 3000;

/** The first clauses, as many as the limits allow, and always the first (the name as typed). */
function withinLimits(clauses: readonly string[]): string[] {
  let length = 0;
  return clauses.slice(0, MAX_SEARCH_CLAUSES).filter((clause, index) => {
    length += clause.length + 4;
    return index === 0 || length <= MAX_SEARCH_LENGTH;
  });
}

/**
 * How many letters of each word the second look keeps: enough to narrow the directory, few enough
 * that the slip ("Berzinsh", "megnb") usually comes after them.
 */
function prefixLength(word: string): number {
  return word.length >= 6 ? 4 : 3;
}

/** Candidates the second look reads at most; they are ranked here and a few are shown. */
export const MAX_SIMILAR_CANDIDATES = 100;

/**
 * The second look, when the first found nobody: the first letters of each word of the name or of the
 * address's user part, in their Latvian spellings, as `$search` prefixes of display names, UPNs and
 * addresses. Candidates are ranked by how close they are to what was typed (`similarNames.ts`).
 * Undefined when no word is long enough to narrow anything down.
 */
export function similarUsersRequest(query: UserQuery): GraphQuery | undefined {
  const words = queryWords(query).filter((word) => [...word].length >= 3);
  if (words.length === 0) {
    return undefined;
  }
  const clauses = new Set<string>();
  for (const word of words) {
    const prefix = [...word].slice(0, prefixLength(word)).join('');
    for (const spelling of [prefix, foldDiacritics(prefix), ...latvianSpellings(foldDiacritics(prefix))]) {
      clauses.add(`"displayName:${spelling}"`);
    }
  }
  const first = words[0] as string;
  upnClauses(foldDiacritics(first).toLowerCase().slice(0, prefixLength(first))).forEach((clause) => clauses.add(clause));
  return searchRequest(withinLimits([...clauses]), MAX_SIMILAR_CANDIDATES);
}

/**
 * The words a query is made of: a name's words, or the letters-and-digits runs of an address's user
 * part ("anna.berzjna@…" → anna, berzjna; "megnb@…" → megnb). Only letters and digits: these words
 * reach a `$search` phrase.
 */
export function queryWords(query: UserQuery): string[] {
  const text = query.kind === 'address' ? (query.address.split('@')[0] ?? '') : query.text;
  return text
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
}

function upnClauses(prefix: string): string[] {
  return [`"userPrincipalName:${prefix}"`, `"mail:${prefix}"`];
}

function selectTop(top: number): string {
  return `$select=${USER_SUMMARY_FIELDS}&$top=${top}`;
}

function searchRequest(clauses: readonly string[], top: number): GraphQuery {
  return {
    path: `/users?$search=${encodeURIComponent(clauses.join(' OR '))}&$count=true&${selectTop(top)}`,
    headers: { ConsistencyLevel: 'eventual' },
  };
}

/** Latvian letters a person may type without their diacritic. */
const LATVIAN_DIACRITICS: Readonly<Record<string, string>> = {
  a: 'ā', c: 'č', e: 'ē', g: 'ģ', i: 'ī', k: 'ķ', l: 'ļ', n: 'ņ', s: 'š', u: 'ū', z: 'ž',
};

/**
 * How many letters of a word are tried with and without their diacritic: 2^5 = 32 spellings at most.
 * The last letters are varied, because Latvian surnames carry their marks mostly in the ending
 * (-iņa, -iņš, -ēns, -ītis).
 */
export const VARIED_LETTERS = 5;
export const MAX_SPELLINGS = 2 ** VARIED_LETTERS;

/**
 * Latvian spellings of an ASCII word ("berzina" → "bērziņa", "berzīna", …), varying its last
 * VARIED_LETTERS markable letters. Only the last word is expanded: it is the surname people type.
 */
export function latvianSpellings(text: string): string[] {
  if (foldDiacritics(text) !== text) {
    return [];
  }
  const words = text.split(' ');
  const last = words.pop() ?? '';
  const markable = [...last].flatMap((letter, index) => (LATVIAN_DIACRITICS[letter.toLowerCase()] ? [index] : []));
  const varied = new Set(markable.slice(-VARIED_LETTERS));
  let spellings = [''];
  [...last].forEach((letter, index) => {
    const marked = LATVIAN_DIACRITICS[letter.toLowerCase()];
    const choices = marked && varied.has(index) ? [letter, letter === letter.toLowerCase() ? marked : marked.toUpperCase()] : [letter];
    spellings = spellings.flatMap((prefix) => choices.map((choice) => prefix + choice));
  });
  return spellings.filter((spelling) => spelling !== last).map((spelling) => [...words, spelling].join(' '));
}
