/**
 * What an operator checks a caller against: phones masked, sign-ins grouped by where they came from,
 * and a place called new only against the user's successful sign-ins of the last 30 days.
 */
import { callerVerification, knownPlaces, maskPhone, placeNovelty, signInOrigins } from '../../src/diagnosis/verifierFacts';
import type { SignInEvent } from '../../src/domain/account';
import { SAMPLE_ACCOUNTS } from '../fixtures/sampleAccounts';
import { changed } from '../fixtures/accountStateParts';

const NOW = Date.parse('2026-11-20T09:30:00.000Z');
const at = (minutesAgo: number): string => new Date(NOW - minutesAgo * 60_000).toISOString();
const riga = { city: 'Riga', countryOrRegion: 'LV', ipAddress: '203.0.113.24' };
const liepaja = { city: 'Liepāja', countryOrRegion: 'LV', ipAddress: '203.0.113.61' };
const saoPaulo = { city: 'São Paulo', countryOrRegion: 'BR', ipAddress: '192.0.2.145', operatingSystem: 'Linux', browser: 'Chrome 119.0.0' };

function signIn(minutesAgo: number, errorCode: number, place: Partial<SignInEvent>, extra: Partial<SignInEvent> = {}): SignInEvent {
  return { createdDateTime: at(minutesAgo), errorCode, appDisplayName: 'OfficeHome', ...place, ...extra };
}

const month = [2, 9, 16, 23].map((days) => signIn(days * 24 * 60, 0, riga));

describe('maskPhone', () => {
  it.each([
    ['+371 29991234', '•••• ••34'],
    ['+1 425 555 0167', '•••• ••67'],
    ['(425) 555-0109 ext. 12', '•••• ••12'],
    ['123', '••••'],
    ['', '••••'],
  ])('%j → %j: the last two digits, always the same length', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('where failing and risky sign-ins came from', () => {
  it('a lockout from a country the user never signs in from is a new country, listed first', () => {
    const recent = [
      signIn(3, 50053, saoPaulo, { failureReason: 'Account is locked' }),
      signIn(5, 50126, saoPaulo),
      signIn(7, 50126, saoPaulo),
      signIn(30, 50126, riga),
      signIn(480, 0, riga),
    ];
    const origins = signInOrigins(recent, month);
    expect(origins.newCountries).toEqual(['BR']);
    expect(origins.usualCountries).toEqual(['LV']);
    expect(origins.origins[0]).toMatchObject({ failed: 3, countryOrRegion: 'BR', city: 'São Paulo', ipAddress: '192.0.2.145', app: 'OfficeHome', device: 'Linux · Chrome 119.0.0', novelty: 'newCountry', lastAt: at(3) });
    expect(origins.origins[1]).toMatchObject({ failed: 1, countryOrRegion: 'LV', novelty: 'known' });
  });

  it('a lockout from the office is a known place, not a warning', () => {
    const origins = signInOrigins([signIn(2, 50053, riga), signIn(4, 50126, riga)], month);
    expect(origins.newCountries).toEqual([]);
    expect(origins.origins).toEqual([expect.objectContaining({ failed: 2, novelty: 'known' })]);
  });

  it('another city of a known country is a new city, not a new country', () => {
    expect(signInOrigins([signIn(2, 50126, liepaja)], month).origins[0]?.novelty).toBe('newCity');
  });

  it('a risky success counts as risky and does not make its place usual', () => {
    const lagos = { city: 'Lagos', countryOrRegion: 'NG', ipAddress: '192.0.2.77' };
    const origins = signInOrigins([signIn(55, 0, lagos, { riskLevelDuringSignIn: 'high' })], month);
    expect(origins.origins).toEqual([expect.objectContaining({ failed: 0, risky: 1, novelty: 'newCountry' })]);
    expect(knownPlaces([signIn(55, 0, lagos, { riskLevelDuringSignIn: 'high' })]).countries.size).toBe(0);
  });

  it('MFA prompts that normally continue are not failures worth showing', () => {
    expect(signInOrigins([signIn(5, 50076, saoPaulo), signIn(6, 50074, saoPaulo)], month).origins).toEqual([]);
  });

  it('without the last 30 days nothing is called new; without any success there is nothing to compare with', () => {
    expect(signInOrigins([signIn(2, 50126, saoPaulo)], undefined)).toMatchObject({ earlierRead: false, newCountries: [], origins: [{ novelty: 'unknown' }] });
    expect(signInOrigins([signIn(2, 50126, saoPaulo)], [])).toMatchObject({ earlierRead: true, newCountries: [], origins: [{ novelty: 'noHistory' }] });
    expect(placeNovelty({}, knownPlaces(month))).toBe('unknown');
  });

  it('lists at most three places and counts the rest', () => {
    const places = ['DE', 'FR', 'PL', 'EE', 'LT'].map((country, index) => signIn(index + 1, 50126, { countryOrRegion: country, city: `City ${country}` }));
    const origins = signInOrigins(places, month);
    expect(origins.origins).toHaveLength(3);
    expect(origins.more).toBe(2);
    expect(origins.newCountries).toHaveLength(5);
  });
});

describe('callerVerification', () => {
  it('carries the callback facts, the manager and whether namesakes were looked for', () => {
    const facts = callerVerification(SAMPLE_ACCOUNTS.healthy);
    expect(facts).toMatchObject({
      mobilePhone: '•••• ••47',
      businessPhones: ['•••• ••12'],
      department: 'Finance',
      jobTitle: 'Accountant',
      officeLocation: 'Riga, Brīvības iela 12',
      manager: { kind: 'ok', value: { displayName: 'Jānis Ozols', address: 'janis.ozols@contoso.com', phone: '•••• ••08', jobTitle: 'Head of Finance' } },
      sameNameChecked: { kind: 'ok', value: true },
      warnings: [],
    });
  });

  it('a part that could not be read is said so, and the rest is still there', () => {
    const state = changed(SAMPLE_ACCOUNTS.healthy, {
      manager: { kind: 'unavailable', cause: 'permission', needs: 'User.Read.All' },
      sameDisplayName: { kind: 'unavailable', cause: 'throttled' },
      earlierSignIns: { kind: 'unavailable', cause: 'licence' },
    });
    const facts = callerVerification(state);
    expect(facts.manager).toEqual({ kind: 'unavailable', cause: 'permission' });
    expect(facts.sameNameChecked).toEqual({ kind: 'unavailable', cause: 'throttled' });
    expect(facts.signIns).toMatchObject({ kind: 'ok', value: { earlierRead: false } });
    expect(facts.mobilePhone).toBe('•••• ••47');
  });

  it('the spray case warns of the new country', () => {
    expect(callerVerification(SAMPLE_ACCOUNTS.passwordSpray).warnings).toEqual([{ kind: 'newCountry', countries: ['BR'], usualCountries: ['LV'] }]);
    expect(callerVerification(SAMPLE_ACCOUNTS.smartLockout).warnings).toEqual([]);
  });
});
