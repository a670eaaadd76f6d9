/** Turning typed text into a Graph query that user text cannot change the shape of. */
import { findUsersRequest, foldDiacritics, latvianSpellings, MAX_SPELLINGS, odataString, parseUserQuery } from '../../src/adapters/graph/userQuery';

describe('parseUserQuery', () => {
  it.each([
    ['anna@contoso.com', { kind: 'address', address: 'anna@contoso.com' }],
    ["o'brien@contoso.com", { kind: 'address', address: "o'brien@contoso.com" }],
    ['  Anna   Bērziņa ', { kind: 'name', text: 'Anna Bērziņa', folded: 'Anna Berzina' }],
    ["' or 1 eq 1", { kind: 'name', text: "' or 1 eq 1", folded: "' or 1 eq 1" }],
  ])('%j is a %j query', (input, query) => {
    expect(parseUserQuery(input)).toEqual({ kind: 'query', query });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a'.repeat(257), 'tooLong'],
    ['a'.repeat(10_000), 'tooLong'],
    ['anna") or ("1', 'unsupportedCharacters'],
    ['anna\\', 'unsupportedCharacters'],
    ['x@y@z', 'unsupportedCharacters'],
    ["o'brien@contoso.com') or (1 eq 1", 'unsupportedCharacters'],
    ['anna\u0000', 'unsupportedCharacters'],
  ])('%j is refused as %s', (input, reason) => {
    expect(parseUserQuery(input)).toEqual({ kind: 'refused', reason });
  });
});

describe('findUsersRequest', () => {
  it('doubles quotes inside the OData literal and encodes the whole filter', () => {
    const request = findUsersRequest({ kind: 'address', address: "o'brien@contoso.com" });
    const filter = decodeURIComponent(/\$filter=([^&]*)/.exec(request.path)?.[1] ?? '');
    expect(filter).toBe("userPrincipalName eq 'o''brien@contoso.com' or mail eq 'o''brien@contoso.com'");
  });

  it('searches names with ConsistencyLevel: eventual, in Latvian spellings and as a UPN prefix', () => {
    const request = findUsersRequest({ kind: 'name', text: 'Anna Berzina', folded: 'Anna Berzina' });
    const search = decodeURIComponent(/\$search=([^&]*)/.exec(request.path)?.[1] ?? '');
    expect(request.headers).toEqual({ ConsistencyLevel: 'eventual' });
    expect(search).toContain('"displayName:Anna Bērziņa"');
    expect(search).toContain('"userPrincipalName:anna.berzina"');
    expect(request.path).toContain('$top=10');
  });

  it('keeps a quote from ending the search phrase early', () => {
    const request = findUsersRequest({ kind: 'name', text: "' or 1 eq 1", folded: "' or 1 eq 1" });
    expect(decodeURIComponent(request.path)).toContain(`"displayName:' or 1 eq 1"`);
  });
});

describe('Latvian spellings', () => {
  it('folds diacritics', () => {
    expect(foldDiacritics('Līga Kalniņa Kārlis Zariņš Pēteris Krūmiņš Ģirts Ķēniņš Ļoļa Čaks')).toBe('Liga Kalnina Karlis Zarins Peteris Krumins Girts Kenins Lola Caks');
  });

  it('spells the surname with its Latvian marks, varying the last letters within the limit', () => {
    expect(latvianSpellings('Berzina')).toContain('Bērziņa');
    expect(latvianSpellings('kalnina')).toContain('kalniņa');
    expect(latvianSpellings('Zarins')).toContain('Zariņš');
    expect(latvianSpellings('Anna Krumins')).toContain('Anna Krūmiņš');
    expect(latvianSpellings('Kalnainaiszus').length).toBeLessThan(MAX_SPELLINGS);
    expect(latvianSpellings('Bērziņa')).toEqual([]);
  });

  it('quotes OData strings', () => {
    expect(odataString("it's")).toBe("'it''s'");
  });
});
