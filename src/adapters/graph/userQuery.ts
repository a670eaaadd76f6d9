/**
 * Turning what a person typed ("anna@contoso.com", "Bērziņa", "berzina") into a safe Graph query.
 * User text never reaches a URL raw: addresses go into OData string literals with quotes doubled,
 * names into `$search` phrases from a small alphabet; anything else is refused with a reason.
 */

export type UserQuery =
  | { readonly kind: 'address'; readonly address: string }
  | { readonly kind: 'name'; readonly text: string; readonly folded: string };

import type { UserQueryRefusal } from '../../operations/ports';

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
  const text = input.normalize('NFC').trim().replace(/\s+/g, ' ');
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
 * Latvian spellings ("Bērziņa") and, with dots for spaces, as the start of a UPN or address.
 */
export function findUsersRequest(query: UserQuery): GraphQuery {
  const select = `$select=${USER_SUMMARY_FIELDS}&$top=${MAX_MATCHES}`;
  if (query.kind === 'address') {
    const literal = odataString(query.address);
    const filter = `userPrincipalName eq ${literal} or mail eq ${literal}`;
    return { path: `/users?$filter=${encodeURIComponent(filter)}&${select}`, headers: {} };
  }
  const dotted = query.folded.toLowerCase().replace(/ /g, '.');
  const names = new Set([query.text, query.folded, ...latvianSpellings(query.text)]);
  const clauses = [
    ...[...names].map((name) => `"displayName:${name}"`),
    `"userPrincipalName:${dotted}"`,
    `"mail:${dotted}"`,
  ];
  return {
    path: `/users?$search=${encodeURIComponent(clauses.join(' OR '))}&$count=true&${select}`,
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
