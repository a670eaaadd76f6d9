/** Turning typed text into a Graph query that user text cannot change the shape of. */
import {
  findUsersRequest,
  foldDiacritics,
  latvianSpellings,
  MAX_SEARCH_CLAUSES,
  MAX_SPELLINGS,
  odataString,
  parseUserQuery,
  similarUsersRequest,
  type UserQuery,
} from '../../src/adapters/graph/userQuery';

describe('parseUserQuery', () => {
  it.each([
    ['anna@contoso.com', { kind: 'address', address: 'anna@contoso.com' }],
    ["o'brien@contoso.com", { kind: 'address', address: "o'brien@contoso.com" }],
    ['  Anna   Bērziņa ', { kind: 'name', text: 'Anna Bērziņa', folded: 'Anna Berzina' }],
    ["' or 1 eq 1", { kind: 'name', text: "' or 1 eq 1", folded: "' or 1 eq 1" }],
    // As Outlook copies a recipient, and as a sentence ends.
    ['Megan Bowen <meganb@contoso.com>', { kind: 'address', address: 'meganb@contoso.com' }],
    ['"Bowen, Megan" <mailto:meganb@contoso.com>', { kind: 'address', address: 'meganb@contoso.com' }],
    ['anna.berzina@contoso.com.', { kind: 'address', address: 'anna.berzina@contoso.com' }],
    ['Megan Bowen?', { kind: 'name', text: 'Megan Bowen', folded: 'Megan Bowen' }],
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
    ['Megan <meganb@contoso.com> and <anna@contoso.com>', 'unsupportedCharacters'],
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

  it('searches a name typed in a Latvian case as the nominatives it may come from', () => {
    const search = searchOf(findUsersRequest(nameQuery('Annai Bērziņai')));
    expect(search).toContain('"displayName:Annai Bērziņai"');
    expect(search).toContain('"displayName:Anna Bērziņa"');
    expect(search).toContain('"displayName:Anna Berzina"');
    expect(search).toContain('"userPrincipalName:anna.berzina"');
    expect(searchOf(findUsersRequest(nameQuery('Pētera Liepas')))).toContain('"displayName:Pēteris Liepa"');
  });

  it.each(['Annai Berzinai', 'Jāņa Ozola Bērziņa Kalniņai', 'Berzina', 'a'.repeat(256)])('stays within the clause limit for %j', (text) => {
    const request = findUsersRequest(nameQuery(text));
    expect(searchOf(request).split(' OR ').length).toBeLessThanOrEqual(MAX_SEARCH_CLAUSES);
    expect(request.path.length).toBeLessThan(8000);
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

describe('similarUsersRequest (the second look after a miss)', () => {
  it.each([
    [{ kind: 'address', address: 'megnb@contoso.com' } as const, ['"userPrincipalName:meg"', '"mail:meg"', '"displayName:meg"']],
    [nameQuery('Berzinsh'), ['"displayName:Berz"', '"displayName:Bērz"', '"displayName:Bērž"']],
    [nameQuery('Anna Berzinsh'), ['"displayName:Ann"', '"displayName:Berz"', '"userPrincipalName:ann"']],
    [nameQuery('Bērziņš'), ['"displayName:Bērz"', '"displayName:Berz"']],
  ])('%j searches the first letters of each word', (query, clauses) => {
    const request = similarUsersRequest(query);
    expect(request?.headers).toEqual({ ConsistencyLevel: 'eventual' });
    for (const clause of clauses) expect(searchOf(request)).toContain(clause);
  });

  it.each([nameQuery("' or 1 eq 1"), nameQuery('Al'), { kind: 'address', address: 'x@contoso.com' } as const])('makes no request for %j: no word to narrow with', (query) => {
    expect(similarUsersRequest(query)).toBeUndefined();
  });

  it('puts only letters and digits of an address into the search', () => {
    const search = searchOf(similarUsersRequest({ kind: 'address', address: "o'bri{e}n@contoso.com" }));
    expect(search).not.toMatch(/[{}']/);
  });
});

function nameQuery(text: string): UserQuery {
  return { kind: 'name', text, folded: foldDiacritics(text) };
}

function searchOf(request: { path: string } | undefined): string {
  return decodeURIComponent(/\$search=([^&]*)/.exec(request?.path ?? '')?.[1] ?? '');
}
