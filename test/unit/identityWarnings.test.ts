/** Warnings about the identity itself: guests, look-alike and mixed-script names, namesakes, new accounts. */
import { identityWarnings, isGuest, isNewAccount, nameScripts, NEW_ACCOUNT_DAYS } from '../../src/diagnosis/identityWarnings';
import { SAMPLE_ACCOUNTS, SAMPLE_CHECKED_AT } from '../fixtures/sampleAccounts';
import { changed } from '../fixtures/accountStateParts';

const daysAgo = (days: number): string => new Date(Date.parse(SAMPLE_CHECKED_AT) - days * 24 * 3600_000).toISOString();

describe('display names', () => {
  it.each(['Anna Bērziņa', 'Kārlis Zariņš', "Patrick O'Brien", 'Алексей Смирнов', 'Γιώργος Παπαδόπουλος', 'José Müller-Łukasz', '李伟 Wei Li'])(
    '%s is an ordinary name: no look-alikes',
    (name) => {
      expect(nameScripts(name).lookAlikes).toEqual([]);
    },
  );

  it('a Cyrillic letter in a Latin name is a look-alike, named with the letter it imitates', () => {
    expect(nameScripts('Chr\u0456stie Cline')).toEqual({
      scripts: ['Latin', 'Cyrillic'],
      lookAlikes: [{ character: 'і', script: 'Cyrillic', looksLike: 'i' }],
    });
    expect(nameScripts('Аnna Bērziņa').lookAlikes).toEqual([{ character: 'А', script: 'Cyrillic', looksLike: 'A' }]);
    expect(nameScripts('Megan Βowen').lookAlikes).toEqual([{ character: 'Β', script: 'Greek', looksLike: 'B' }]);
  });

  it('fullwidth and invisible characters are look-alikes too', () => {
    expect(nameScripts('Ａlex Wilber').lookAlikes).toEqual([{ character: 'Ａ', script: 'Fullwidth', looksLike: 'A' }]);
    expect(nameScripts('Alex\u200B Wilber').lookAlikes).toEqual([{ character: '\u200B', script: 'invisible' }]);
  });

  it('two alphabets without an imitating letter are mixed scripts', () => {
    expect(nameScripts('Anna Иванова')).toEqual({ scripts: ['Latin', 'Cyrillic'], lookAlikes: [] });
    const state = changed(SAMPLE_ACCOUNTS.healthy, { user: { displayName: 'Anna Иванова' } });
    expect(identityWarnings(state, undefined)).toEqual([{ kind: 'mixedScripts', scripts: ['Latin', 'Cyrillic'] }]);
  });
});

describe('the account', () => {
  it('a guest is a Guest userType or an #EXT# UPN', () => {
    expect(isGuest('Guest', 'jane@contoso.com')).toBe(true);
    expect(isGuest('Member', 'jane.doe_fabrikam.com#EXT#@contoso.onmicrosoft.com')).toBe(true);
    expect(isGuest('Member', 'jane.doe@contoso.com')).toBe(false);
  });

  it(`an account younger than ${NEW_ACCOUNT_DAYS} days is new`, () => {
    expect(isNewAccount(daysAgo(1), SAMPLE_CHECKED_AT)).toBe(true);
    expect(isNewAccount(daysAgo(NEW_ACCOUNT_DAYS + 1), SAMPLE_CHECKED_AT)).toBe(false);
    expect(isNewAccount(undefined, SAMPLE_CHECKED_AT)).toBe(false);
  });

  it('a display name another user has is a shared name; the user themself is not counted', () => {
    const { user } = SAMPLE_ACCOUNTS.healthy;
    const twin = { id: 'other-id', userPrincipalName: 'janis.ozols2@contoso.com', displayName: user.displayName };
    const state = changed(SAMPLE_ACCOUNTS.healthy, { sameDisplayName: { kind: 'ok', value: [{ id: user.id.toUpperCase(), userPrincipalName: user.userPrincipalName, displayName: user.displayName }, twin] } });
    expect(identityWarnings(state, undefined)).toEqual([{ kind: 'sharedName', others: ['janis.ozols2@contoso.com'] }]);
    expect(identityWarnings(SAMPLE_ACCOUNTS.healthy, undefined)).toEqual([]);
  });

  it('the most deceptive first: a look-alike, then a new country, then the rest', () => {
    const state = changed(SAMPLE_ACCOUNTS.healthy, {
      user: { displayName: 'Jānis Оzols', userType: 'Guest', createdDateTime: daysAgo(1) },
    });
    const kinds = identityWarnings(state, { origins: [], more: 0, newCountries: ['BR'], earlierRead: true, usualCountries: ['LV'] }).map((warning) => warning.kind);
    expect(kinds).toEqual(['lookAlike', 'newCountry', 'newAccount', 'guest']);
  });
});
