/**
 * Warnings about the identity itself, for an operator about to verify a caller: a guest account, a
 * display name that mixes writing systems or imitates Latin letters, a name another user shares, a
 * brand-new account, and failing or risky sign-ins from a country the user never signs in from.
 * Pure, and cheap: a display name is at most 256 characters, read once with integer comparisons.
 */
import type { AccountState } from '../domain/account';
import type { CallerDoubt, IdentityWarning, LookAlikeCharacter, SignInOrigins } from '../domain/callerVerification';

/**
 * An account this young gets a warning. A week covers the days in which a newly created account (or
 * a guest just invited) is used to call the helpdesk before anyone notices it, and a real new starter's
 * first week, when no colleague yet knows their voice: both call for the stronger verification.
 */
export const NEW_ACCOUNT_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Guests invited through B2B get UPNs like `jane_fabrikam.com#EXT#@contoso.onmicrosoft.com`. */
const EXTERNAL_UPN_MARK = '#EXT#';

/** How many other holders of the same name the warning lists. */
const MAX_NAMESAKES_SHOWN = 3;

export function identityWarnings(state: AccountState, signIns: SignInOrigins | undefined): IdentityWarning[] {
  const { user } = state;
  const warnings: IdentityWarning[] = [];
  const name = nameScripts(user.displayName);
  if (name.lookAlikes.length > 0) warnings.push({ kind: 'lookAlike', characters: name.lookAlikes });
  if (signIns && signIns.newCountries.length > 0) {
    warnings.push({ kind: 'newCountry', countries: signIns.newCountries, usualCountries: signIns.usualCountries });
  }
  const namesakes = state.sameDisplayName?.kind === 'ok' ? state.sameDisplayName.value.filter((other) => other.id.toLowerCase() !== user.id.toLowerCase()) : [];
  if (namesakes.length > 0) warnings.push({ kind: 'sharedName', others: namesakes.slice(0, MAX_NAMESAKES_SHOWN).map((other) => other.userPrincipalName) });
  // A look-alike character already says the scripts are mixed, and how.
  if (name.lookAlikes.length === 0 && name.scripts.length > 1) warnings.push({ kind: 'mixedScripts', scripts: name.scripts });
  if (isNewAccount(user.createdDateTime, state.checkedAt)) warnings.push({ kind: 'newAccount', createdAt: user.createdDateTime as string });
  if (isGuest(user.userType, user.userPrincipalName)) warnings.push({ kind: 'guest' });
  return warnings;
}

/** The warnings that say the caller may not be the user, the most telling first. */
const DOUBT_ORDER: readonly CallerDoubt['kind'][] = ['newCountry', 'lookAlike', 'newAccount', 'guest'];

/**
 * Of the identity warnings, those that mean "this may not be the user", in `DOUBT_ORDER`: they lead the
 * summary and come back on the confirmation of every step that hands over access or lifts a protection.
 * A shared name or mixed scripts ask the operator to look closer, not to doubt the caller.
 */
export function callerDoubts(warnings: readonly IdentityWarning[]): CallerDoubt[] {
  return DOUBT_ORDER.flatMap((kind) => warnings.filter((warning): warning is CallerDoubt => warning.kind === kind));
}

export function isGuest(userType: string | undefined, userPrincipalName: string): boolean {
  return userType?.toLowerCase() === 'guest' || userPrincipalName.toUpperCase().includes(EXTERNAL_UPN_MARK);
}

export function isNewAccount(createdDateTime: string | undefined, checkedAt: string): boolean {
  const created = createdDateTime === undefined ? Number.NaN : Date.parse(createdDateTime);
  return !Number.isNaN(created) && Date.parse(checkedAt) - created < NEW_ACCOUNT_DAYS * DAY_MS;
}

/**
 * The alphabets whose letters imitate each other. Other scripts (Han, Arabic, …) cannot pass for
 * Latin letter by letter, and names that combine them with Latin ones are ordinary, so they do not count.
 */
type Alphabet = 'Latin' | 'Greek' | 'Cyrillic' | 'Armenian';

/** Code point ranges of each alphabet's letters (Unicode blocks), checked in order. */
const ALPHABET_RANGES: readonly (readonly [number, number, Alphabet])[] = [
  [0x41, 0x5a, 'Latin'],
  [0x61, 0x7a, 'Latin'],
  [0xc0, 0x24f, 'Latin'], // Latin-1 letters and Latin Extended-A/B (ā, ē, ī, ņ, š, ž …)
  [0x370, 0x3ff, 'Greek'],
  [0x400, 0x52f, 'Cyrillic'],
  [0x531, 0x58f, 'Armenian'],
  [0x1c80, 0x1c8f, 'Cyrillic'],
  [0x1e00, 0x1eff, 'Latin'],
  [0x1f00, 0x1fff, 'Greek'],
  [0x2c60, 0x2c7f, 'Latin'],
  [0x2de0, 0x2dff, 'Cyrillic'],
  [0xa640, 0xa69f, 'Cyrillic'],
  [0xa720, 0xa7ff, 'Latin'],
];

/** Letters of other alphabets that pass for Latin ones in most fonts (from Unicode's confusables list). */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ['а', 'a'], ['е', 'e'], ['о', 'o'], ['р', 'p'], ['с', 'c'], ['у', 'y'], ['х', 'x'], ['ѕ', 's'], ['і', 'i'], ['ј', 'j'],
  ['ԁ', 'd'], ['һ', 'h'], ['ԛ', 'q'], ['ԝ', 'w'], ['ӏ', 'l'], ['ї', 'ï'], ['ё', 'ë'],
  ['А', 'A'], ['В', 'B'], ['Е', 'E'], ['К', 'K'], ['М', 'M'], ['Н', 'H'], ['О', 'O'], ['Р', 'P'], ['С', 'C'], ['Т', 'T'],
  ['Х', 'X'], ['Ѕ', 'S'], ['І', 'I'], ['Ј', 'J'], ['Ү', 'Y'], ['Ԛ', 'Q'], ['Ԝ', 'W'],
  // Greek
  ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'], ['Ν', 'N'], ['Ο', 'O'],
  ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'], ['ο', 'o'], ['ν', 'v'], ['α', 'a'], ['ι', 'i'],
  // Armenian
  ['օ', 'o'], ['ս', 'u'], ['հ', 'h'], ['ո', 'n'],
]);

/** Characters that show as nothing, or turn the text around (bidirectional overrides). */
function isInvisible(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Fullwidth Latin letters (`Ａ`…`ｚ`) imitate plain ones. */
function fullwidthLatin(code: number): string | undefined {
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCodePoint(code - 0xfee0);
  return undefined;
}

function alphabetOf(code: number): Alphabet | undefined {
  for (const [from, to, alphabet] of ALPHABET_RANGES) {
    if (code < from) return undefined;
    if (code <= to) return alphabet;
  }
  return undefined;
}

export interface NameScripts {
  /** The alphabets the name's letters come from, in order of first appearance. */
  readonly scripts: readonly string[];
  /** Characters imitating Latin letters within a word that has Latin letters, and invisible ones anywhere. */
  readonly lookAlikes: readonly LookAlikeCharacter[];
}

export function nameScripts(displayName: string): NameScripts {
  const scripts: Alphabet[] = [];
  const lookAlikes: LookAlikeCharacter[] = [];
  const seen = new Set<string>();
  // Imitation is judged word by word: "Chrіstie" mixes within a word, "Anna Иванова" does not.
  let wordHasLatin = false;
  let wordImitations: LookAlikeCharacter[] = [];
  const endWord = (): void => {
    if (wordHasLatin) {
      for (const imitation of wordImitations) {
        if (!seen.has(imitation.character)) lookAlikes.push(imitation);
        seen.add(imitation.character);
      }
    }
    wordHasLatin = false;
    wordImitations = [];
  };
  for (const character of displayName) {
    const code = character.codePointAt(0) as number;
    // ASCII: the common case, decided at once; anything but a letter ends a word.
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        addOnce(scripts, 'Latin');
        wordHasLatin = true;
      } else {
        endWord();
      }
      continue;
    }
    if (isInvisible(code)) {
      if (!seen.has(character)) lookAlikes.push({ character, script: 'invisible' });
      seen.add(character);
      continue;
    }
    const fullwidth = fullwidthLatin(code);
    if (fullwidth !== undefined) {
      addOnce(scripts, 'Latin');
      wordHasLatin = true;
      wordImitations.push({ character, script: 'Fullwidth', looksLike: fullwidth });
      continue;
    }
    const alphabet = alphabetOf(code);
    if (alphabet === undefined) {
      // Combining marks belong to the letter before them; anything else ends the word.
      if (code < 0x300 || code > 0x36f) endWord();
      continue;
    }
    addOnce(scripts, alphabet);
    if (alphabet === 'Latin') {
      wordHasLatin = true;
      continue;
    }
    const looksLike = LOOK_ALIKES.get(character);
    if (looksLike !== undefined) wordImitations.push({ character, script: alphabet, looksLike });
  }
  endWord();
  return { scripts, lookAlikes };
}

function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}
