import { parseFilter } from '../../src/simulator/filter';
import { parseSearch } from '../../src/simulator/search';

describe('$filter parsing', () => {
  it('reads doubled quotes, functions and precedence of and over or', () => {
    expect(parseFilter("startswith(displayName,'O''Brien') or mail eq 'a' and userPrincipalName eq 'b'")).toEqual({
      kind: 'or',
      left: { kind: 'predicate', operator: 'startswith', property: 'displayName', value: { type: 'string', value: "O'Brien" } },
      right: {
        kind: 'and',
        left: { kind: 'predicate', operator: 'eq', property: 'mail', value: { type: 'string', value: 'a' } },
        right: { kind: 'predicate', operator: 'eq', property: 'userPrincipalName', value: { type: 'string', value: 'b' } },
      },
    });
  });

  it('reads unquoted date-times', () => {
    expect(parseFilter('createdDateTime ge 2026-11-01T00:00:00Z')).toEqual({
      kind: 'predicate',
      operator: 'ge',
      property: 'createdDateTime',
      value: { type: 'dateTime', value: Date.parse('2026-11-01T00:00:00Z') },
    });
  });

  it.each(["displayName eq 'unterminated", "eq 'x'", "(displayName eq 'x'", '', "displayName eq 'x' xor mail eq 'y'"])(
    'rejects %p',
    (text) => {
      expect(() => parseFilter(text)).toThrow(/Invalid filter clause/);
    },
  );
});

describe('$search parsing', () => {
  it('reads quoted property:text clauses joined by OR and AND', () => {
    expect(parseSearch('"displayName:anna b" OR "mail:anna" AND "userPrincipalName:x"')).toEqual({
      kind: 'or',
      left: { kind: 'term', property: 'displayName', text: 'anna b' },
      right: {
        kind: 'and',
        left: { kind: 'term', property: 'mail', text: 'anna' },
        right: { kind: 'term', property: 'userPrincipalName', text: 'x' },
      },
    });
  });

  it.each(['displayName:anna', '"anna"', '"displayName:anna" or "mail:x"', '"displayName:'])('rejects %p', (text) => {
    expect(() => parseSearch(text)).toThrow(/Invalid \$search clause/);
  });
});
