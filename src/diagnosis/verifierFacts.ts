/**
 * What an operator checks a caller against: where the failing and risky sign-ins came from (and
 * whether that place is new for the user), and callback facts from the directory. Pure: the same
 * state always gives the same facts; time comes from `state.checkedAt`.
 */
import type { AccountState, Checked, ManagerContact, SignInEvent } from '../domain/account';
import type {
  CallerVerification,
  ManagerFacts,
  PlaceNovelty,
  Readable,
  SignInOrigin,
  SignInOrigins,
} from '../domain/callerVerification';
import { classifySignIn, isFailure, NORMAL_INTERRUPTS } from './signInErrors';
import { identityWarnings } from './identityWarnings';

/** How many places the card lists; the rest are counted ("and 2 more"). */
export const MAX_ORIGINS_SHOWN = 3;

/** Identity Protection's ratings that make a sign-in risky; `hidden` (no P2) and `none` do not. */
const RISKY_LEVELS: ReadonlySet<string> = new Set(['low', 'medium', 'high']);

const MASK = '•••• ••';

/**
 * "+371 29991234" → "•••• ••34": the last two digits, enough to match the number a caller gives or
 * the one shown in Teams, not enough to call. Always the same length, so the mask does not tell how
 * long the number is. Graph keeps phones as free text; anything with fewer than four digits is masked whole.
 */
export function maskPhone(phoneNumber: string): string {
  let digits = '';
  for (const character of phoneNumber) {
    if (character >= '0' && character <= '9') digits += character;
  }
  return digits.length < 4 ? '••••' : `${MASK}${digits.slice(-2)}`;
}

export function isRisky(event: SignInEvent): boolean {
  return event.riskLevelDuringSignIn !== undefined && RISKY_LEVELS.has(event.riskLevelDuringSignIn);
}

/** A failure a verifier cares about: MFA prompts that normally continue (50074, 50076) are not. */
function isRealFailure(event: SignInEvent): boolean {
  return isFailure(event) && !NORMAL_INTERRUPTS.has(classifySignIn(event).category);
}

/** Where the user signs in successfully: the countries and the cities in them (`LV`, `LV/riga`). */
interface KnownPlaces {
  readonly countries: ReadonlyMap<string, number>;
  readonly cities: ReadonlySet<string>;
}

/**
 * Successful, unrisky sign-ins of the last 30 days (the 30-day read plus the last day's): a risky
 * success is exactly the sign-in that must not make its place "usual".
 */
export function knownPlaces(signIns: readonly SignInEvent[]): KnownPlaces {
  const countries = new Map<string, number>();
  const cities = new Set<string>();
  for (const event of signIns) {
    if (isFailure(event) || isRisky(event) || !event.countryOrRegion) continue;
    const country = event.countryOrRegion.toUpperCase();
    countries.set(country, (countries.get(country) ?? 0) + 1);
    if (event.city) cities.add(cityKey(country, event.city));
  }
  return { countries, cities };
}

function cityKey(country: string, city: string): string {
  return `${country}/${city.toLowerCase()}`;
}

export function placeNovelty(event: Pick<SignInEvent, 'city' | 'countryOrRegion'>, known: KnownPlaces | undefined): PlaceNovelty {
  if (known === undefined || !event.countryOrRegion) return 'unknown';
  if (known.countries.size === 0) return 'noHistory';
  const country = event.countryOrRegion.toUpperCase();
  if (!known.countries.has(country)) return 'newCountry';
  if (event.city && !known.cities.has(cityKey(country, event.city))) return 'newCity';
  return 'known';
}

function deviceOf(event: SignInEvent): string | undefined {
  const parts = [event.deviceName, event.operatingSystem, event.browser].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * The failing and risky sign-ins of the last day, grouped by place, address, app and device, newest
 * first. `earlier` is undefined when the last 30 days could not be read: nothing is then called new.
 */
export function signInOrigins(recent: readonly SignInEvent[], earlier: readonly SignInEvent[] | undefined): SignInOrigins {
  const known = earlier === undefined ? undefined : knownPlaces([...earlier, ...recent]);
  const groups = new Map<string, { -readonly [K in keyof SignInOrigin]: SignInOrigin[K] }>();
  // `recent` is newest first, so the first of a group is its latest.
  for (const event of recent) {
    const failed = isRealFailure(event);
    const risky = isRisky(event);
    if (!failed && !risky) continue;
    const device = deviceOf(event);
    const key = [event.countryOrRegion, event.city, event.ipAddress, event.appDisplayName, device].join('\u0000');
    const group = groups.get(key);
    if (group) {
      group.failed += failed ? 1 : 0;
      group.risky += risky ? 1 : 0;
      continue;
    }
    groups.set(key, {
      failed: failed ? 1 : 0,
      risky: risky ? 1 : 0,
      lastAt: event.createdDateTime,
      ...(event.city ? { city: event.city } : {}),
      ...(event.countryOrRegion ? { countryOrRegion: event.countryOrRegion.toUpperCase() } : {}),
      ...(event.ipAddress ? { ipAddress: event.ipAddress } : {}),
      ...(event.appDisplayName ? { app: event.appDisplayName } : {}),
      ...(device ? { device } : {}),
      novelty: placeNovelty(event, known),
    });
  }
  // A new country first: that is the line that must not be missed; otherwise newest first.
  const all = [...groups.values()].sort((a, b) => Number(b.novelty === 'newCountry') - Number(a.novelty === 'newCountry'));
  const usualCountries = known ? [...known.countries.entries()].sort((a, b) => b[1] - a[1]).map(([country]) => country) : [];
  const newCountries = [...new Set(all.flatMap((origin) => (origin.novelty === 'newCountry' && origin.countryOrRegion ? [origin.countryOrRegion] : [])))];
  return { origins: all.slice(0, MAX_ORIGINS_SHOWN), more: Math.max(all.length - MAX_ORIGINS_SHOWN, 0), newCountries, earlierRead: known !== undefined, usualCountries };
}

function managerFacts(manager: ManagerContact): ManagerFacts {
  const address = manager.mail ?? manager.userPrincipalName;
  const phone = manager.mobilePhone ?? manager.businessPhones?.[0];
  return {
    displayName: manager.displayName,
    ...(address ? { address } : {}),
    ...(phone ? { phone } : {}),
    ...(manager.jobTitle ? { jobTitle: manager.jobTitle } : {}),
  };
}

function readable<T, U>(checked: Checked<T>, map: (value: T) => U): Readable<U> {
  return checked.kind === 'ok' ? { kind: 'ok', value: map(checked.value) } : { kind: 'unavailable', cause: checked.cause };
}

/** Everything the "Verify the caller" section shows, warnings first. */
export function callerVerification(state: AccountState): CallerVerification {
  const { user } = state;
  const earlier = state.earlierSignIns;
  const signIns: Readable<SignInOrigins> =
    state.signIns.kind === 'ok'
      ? { kind: 'ok', value: signInOrigins(state.signIns.value, earlier?.kind === 'ok' ? earlier.value : undefined) }
      : { kind: 'unavailable', cause: state.signIns.cause };
  return {
    warnings: identityWarnings(state, signIns.kind === 'ok' ? signIns.value : undefined),
    signIns,
    ...(user.mobilePhone ? { mobilePhone: user.mobilePhone } : {}),
    businessPhones: user.businessPhones ?? [],
    ...(state.manager ? { manager: readable(state.manager, (manager) => (manager === null ? null : managerFacts(manager))) } : {}),
    ...(state.sameDisplayName ? { sameNameChecked: readable(state.sameDisplayName, () => true as const) } : {}),
    ...(user.department ? { department: user.department } : {}),
    ...(user.jobTitle ? { jobTitle: user.jobTitle } : {}),
    ...(user.officeLocation ? { officeLocation: user.officeLocation } : {}),
    ...(user.lastPasswordChangeDateTime ? { passwordChangedAt: user.lastPasswordChangeDateTime } : {}),
    ...(user.createdDateTime ? { createdAt: user.createdDateTime } : {}),
  };
}
