/** "Did you mean …": the candidates of the second look, ranked by how close they are to what was typed. */
import type { UserSummary } from '../../src/domain/account';
import { distance, MAX_SUGGESTIONS, rankSimilar } from '../../src/adapters/graph/similarNames';
import { foldDiacritics, type UserQuery } from '../../src/adapters/graph/userQuery';

function person(displayName: string, alias: string): UserSummary {
  const upn = `${alias}@contoso.com`;
  return { id: alias, displayName, userPrincipalName: upn, mail: upn };
}

const megan = person('Megan Bowen', 'meganb');
const anna = person('Anna Bērziņa', 'anna.berzina');
const marta = person('Marta Bērziņa', 'marta.berzina');
const inese = person('Inese Berzina', 'inese.berzina');
const pēteris = person('Pēteris Liepa', 'peteris.liepa');
const annika = person('Annika Ozola', 'annika.ozola');
const DIRECTORY = [megan, anna, marta, inese, pēteris, annika];

function name(text: string): UserQuery {
  return { kind: 'name', text, folded: foldDiacritics(text) };
}

const CASES: ReadonlyArray<readonly [typed: UserQuery, suggested: readonly UserSummary[], exact: boolean]> = [
  [{ kind: 'address', address: 'megnb@contoso.com' }, [megan], false],
  [{ kind: 'address', address: 'meganb@fabrikam.com' }, [megan], false], // another domain is never "the same person"
  [{ kind: 'address', address: 'anna.berzjna@contoso.com' }, [anna], false],
  [name('megnb'), [megan], false],
  [name('Megan Bowne'), [megan], false], // two letters swapped count as one edit
  [name('Berzinsh'), [anna, inese, marta], false],
  [name('Anna Berzinsh'), [anna], false],
  [name('Anna Berzina'), [anna], true], // only the diacritics differ: the person named
  [name('Annai Berzinai'), [anna], true], // and Latvian case endings
  [name('Petera Liepas'), [pēteris], true],
  [name('Pēterim Liepam'), [pēteris], true],
  [name('Zzzz'), [], false],
  [name('Ann'), [anna, annika], true], // the start of a name, as Graph's own search matches it
  [name('Anw'), [], false], // three letters must match exactly
  [name('Megan Smith'), [], false], // every word must be close, or at least the surname
  [name('Jāni Bērziņu'), [anna, inese, marta], false], // no Jānis Bērziņš: those with the surname, in any case form
  [name('Annu Liepu'), [pēteris], false], // the surname in the accusative decides when the first name is nobody's
];

describe('rankSimilar', () => {
  it.each(CASES)('%j → %j (exact: %s)', (typed, suggested, exact) => {
    const ranked = rankSimilar(typed, DIRECTORY);
    expect(ranked.users.map((user) => user.displayName)).toEqual(suggested.map((user) => user.displayName));
    expect(ranked.exact).toBe(exact);
  });

  it('keeps the closest first and leaves out those much further away', () => {
    const ranked = rankSimilar(name('Marta Berzinsh'), DIRECTORY);
    expect(ranked.users[0]).toBe(marta);
    expect(ranked.users).not.toContain(anna);
  });

  it(`suggests at most ${MAX_SUGGESTIONS}`, () => {
    const many = Array.from({ length: 20 }, (_, index) => person(`Berzins ${index}`, `berzins${index}`));
    expect(rankSimilar(name('Berzinsh'), many).users).toHaveLength(MAX_SUGGESTIONS);
  });
});

describe('distance', () => {
  it.each([
    ['megnb', 'meganb', 1],
    ['bowne', 'bowen', 1],
    ['berzinsh', 'berzina', 2],
    ['meg', 'megan', 0],
    ['me', 'megan', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%s → %s: %i', (a, b, edits) => {
    expect(distance(a, b)).toBe(edits);
  });
});
