/**
 * Temporary passwords an operator hands to a user, who must change it at next sign-in.
 * Entra's rules for cloud passwords: 8–256 characters, three of lower case, upper case, digits and
 * symbols, no Unicode. https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-policy
 * We use all four classes, 16 characters, from a cryptographic source, and leave out what is hard
 * to read out or type: look-alike characters (0/O, 1/l/I), and the symbols that mean something in
 * Markdown (`*`, `_`, `#`, `-`, `+`, brackets, backticks, `~`) or are dead keys on some keyboard
 * layouts (`^`, `~`, quotes). The card shows the password verbatim whatever it holds; a plain
 * alphabet also keeps it intact when someone pastes it into a chat or a ticket.
 */
import { randomInt } from 'node:crypto';

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
/** A subset of Entra's allowed symbols that is easy to say and type on any keyboard layout. */
const SYMBOLS = '!$%=?@';
export const PASSWORD_ALPHABET = LOWER + UPPER + DIGITS + SYMBOLS;

export const TEMPORARY_PASSWORD_LENGTH = 16;

export type RandomInt = (maxExclusive: number) => number;

export function generateTemporaryPassword(random: RandomInt = (max) => randomInt(max)): string {
  const pick = (alphabet: string): string => alphabet.charAt(random(alphabet.length));
  const characters = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (characters.length < TEMPORARY_PASSWORD_LENGTH) {
    characters.push(pick(PASSWORD_ALPHABET));
  }
  // Fisher–Yates, so the guaranteed classes are not always in the first four places.
  for (let i = characters.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [characters[i], characters[j]] = [characters[j] as string, characters[i] as string];
  }
  return characters.join('');
}

/** The cloud password rules, for tests and for refusing a generator change that breaks them. */
export function meetsEntraComplexity(password: string): boolean {
  if (password.length < 8 || password.length > 256 || /[^\x20-\x7e]/.test(password)) {
    return false;
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password));
  return classes.length >= 3;
}
