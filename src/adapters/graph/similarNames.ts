/**
 * Ranking the candidates of the second look ("megnb@contoso.com", "Berzinsh") by how close their
 * names and addresses are to what was typed, so "Did you mean …" offers the few people meant and not
 * everyone whose name starts the same way.
 */
import type { UserSummary } from '../../domain/account';
import { latvianNominatives } from '../../i18n/latvianNames';
import { foldDiacritics, queryWords, type UserQuery } from './userQuery';

/** As many suggestions as a person reads at a glance. */
export const MAX_SUGGESTIONS = 5;

export interface RankedCandidates {
  /** Closest first; empty when nobody is close enough. */
  readonly users: readonly UserSummary[];
  /**
   * True when each word of a typed name is a candidate's word once diacritics and Latvian case endings
   * are set aside ("Annai Berzinai" for Anna Bērziņa): that is the person named, not a guess. Never for
   * an address, whose domain the ranking does not compare.
   */
  readonly exact: boolean;
}

/**
 * Each typed word must be close to some word of the candidate's display name or of the user part of
 * their UPN or address (whole, or split at dots): within one edit for words of four or five letters,
 * two from six; a word of three letters or fewer must match. A Latvian word may be close in any of its
 * nominatives. The score is the sum of the distances; the closest candidates are kept, with those one
 * edit further when there are several. When nobody is close in every word of a longer name, those
 * close in its last word (the surname) are kept, each other word counting as a miss.
 */
export function rankSimilar(query: UserQuery, candidates: readonly UserSummary[]): RankedCandidates {
  const typed = queryWords(query).map((word) => ({
    allowed: allowedEdits([...word].length),
    forms: [word, ...latvianNominatives(word)].map(comparable),
  }));
  if (typed.length === 0) {
    return { users: [], exact: false };
  }
  const scoreOf = (user: UserSummary, missable: (index: number) => boolean): number | undefined => {
    const words = candidateWords(user);
    let score = 0;
    for (const [index, { allowed, forms }] of typed.entries()) {
      const best = Math.min(...forms.flatMap((form) => words.map((word) => distance(form, word))));
      if (best > allowed && !missable(index)) return undefined;
      score += Math.min(best, allowed + 1);
    }
    return score;
  };
  const scoredWith = (missable: (index: number) => boolean): { user: UserSummary; score: number }[] =>
    candidates.flatMap((user) => {
      const score = scoreOf(user, missable);
      return score === undefined ? [] : [{ user, score }];
    });
  let scored = scoredWith(() => false);
  if (scored.length === 0 && typed.length > 1) {
    // "Jāni Bērziņu" when there is no Jānis Bērziņš: the people with that surname, first name aside. The
    // surname (the last word) must still be close: a first name alone ("Megan Smith") would offer every Megan.
    scored = scoredWith((index) => index < typed.length - 1);
  }
  if (scored.length === 0) {
    return { users: [], exact: false };
  }
  const closest = Math.min(...scored.map(({ score }) => score));
  const exact = query.kind === 'name' && closest === 0;
  const keep = exact ? 0 : closest + 1;
  const users = scored
    .filter(({ score }) => score <= keep)
    .sort((a, b) => a.score - b.score || a.user.displayName.localeCompare(b.user.displayName, 'lv'))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ user }) => user);
  return { users, exact };
}

function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}

function comparable(word: string): string {
  return foldDiacritics(word).toLowerCase();
}

/** "Anna Bērziņa", anna.berzina@… → anna, berzina, anna.berzina, annaberzina. */
function candidateWords(user: UserSummary): string[] {
  const locals = [user.userPrincipalName, user.mail ?? '']
    .map((address) => comparable(address.split('@')[0] ?? ''))
    .filter((local) => local !== '');
  return [
    ...new Set([
      ...comparable(user.displayName).split(/[^\p{L}\p{N}]+/u),
      ...locals,
      ...locals.map((local) => local.replace(/[^\p{L}\p{N}]+/gu, '')),
      ...locals.flatMap((local) => local.split(/[^\p{L}\p{N}]+/u)),
    ]),
  ].filter((word) => word !== '');
}

/**
 * Edits between two words, a swap of neighbouring letters counting as one ("Bowne" → "Bowen"): the
 * optimal string alignment distance. A typed word that starts a candidate's word is at distance 0,
 * as Graph's own `$search` would have matched it. Hand-written (twenty lines) because the
 * Levenshtein packages in reach count a swap as two.
 */
export function distance(typed: string, word: string): number {
  if (typed.length >= 3 && word.startsWith(typed)) return 0;
  const a = [...typed];
  const b = [...word];
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = rows[i] as number[];
      const previous = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
