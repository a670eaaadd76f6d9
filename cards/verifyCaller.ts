/**
 * The "Verify the caller" section of the findings card (operators only; the findings card is never
 * shown to anyone else): warnings first, then where the failing and risky sign-ins came from, then
 * the callback facts as a FactSet. A sign-in from a country the user never signs in from is written
 * out in words and in the Attention colour, so a lockout from abroad cannot pass for one at the office.
 */
import type { CallerDoubt, CallerVerification, IdentityWarning, LookAlikeCharacter, SignInOrigin, SignInOrigins } from '../src/domain/callerVerification';
import { escapeMarkdown, formatDateTime, translate, type Locale, type MessageKey, type RenderOptions } from '../src/i18n/catalogue';

export interface VerifyCallerView extends RenderOptions {
  readonly locale: Locale;
}

/** One element of the section, as Adaptive Cards 1.5 has it. */
export type SectionElement =
  | {
      readonly type: 'TextBlock';
      readonly text: string;
      readonly wrap: true;
      readonly weight?: 'Bolder';
      readonly color?: 'Attention';
      readonly isSubtle?: true;
      readonly size?: 'Small';
      readonly spacing?: 'Small' | 'Medium';
    }
  | { readonly type: 'FactSet'; readonly spacing: 'Medium'; readonly facts: readonly { readonly title: string; readonly value: string }[] };

/**
 * The section's elements, made here rather than in the template: a template expands each `$data`
 * row by evaluating expressions, which cost more CPU than the rest of the card (issue 13); the
 * template places them with one expression.
 */
export function verifyCallerSection(facts: CallerVerification, cardView: VerifyCallerView): SectionElement[] {
  // Teams renders TextBlocks and facts as Markdown: directory data (names, offices, cities) is escaped.
  const view: VerifyCallerView = { ...cardView, markdown: true };
  const { locale } = view;
  const signIns = facts.signIns.kind === 'ok' ? facts.signIns.value : undefined;
  const line = (text: string, more: Omit<Extract<SectionElement, { type: 'TextBlock' }>, 'type' | 'text' | 'wrap'> = {}): SectionElement => ({ type: 'TextBlock', text, wrap: true, ...more });
  return [
    line(translate(locale, 'verify.heading'), { weight: 'Bolder' }),
    ...facts.warnings.map((warning) => line(warningText(warning, view), { color: 'Attention', weight: 'Bolder', spacing: 'Small' })),
    line(translate(locale, 'verify.intro'), { isSubtle: true, size: 'Small', spacing: 'Small' }),
    line(translate(locale, 'verify.signIns.title'), { weight: 'Bolder', spacing: 'Medium' }),
    ...(signIns ? signIns.origins.map((origin) => originLine(origin, view)) : []).map(({ text, color }) =>
      line(text, { spacing: 'Small', ...(color === 'Attention' ? { color } : {}) }),
    ),
    ...signInNotes(signIns, view).map((note) => line(note, { isSubtle: true, spacing: 'Small' })),
    { type: 'FactSet', spacing: 'Medium', facts: factRows(facts, view) },
  ];
}

function warningText(warning: IdentityWarning, view: VerifyCallerView): string {
  const { locale } = view;
  switch (warning.kind) {
    case 'newCountry':
      return translate(locale, 'verify.warning.newCountry', {
        countries: warning.countries.map((country) => countryName(country, locale)).join(', '),
        usual: warning.usualCountries.map((country) => countryName(country, locale)).join(', '),
      }, view);
    case 'lookAlike':
      // The characters are shown as they are, in quotes: escaping would hide the one being warned about.
      return translate(locale, 'verify.warning.lookAlike', { characters: warning.characters.map((character) => lookAlikeText(character, locale)).join(', ') });
    case 'mixedScripts':
      return translate(locale, 'verify.warning.mixedScripts', { scripts: warning.scripts.map((script) => scriptName(script, locale)).join(', ') });
    case 'sharedName':
      return translate(locale, 'verify.warning.sharedName', { others: warning.others.join(', ') }, view);
    case 'newAccount':
      return translate(locale, 'verify.warning.newAccount', { at: warning.createdAt }, view);
    case 'guest':
      return translate(locale, 'verify.warning.guest');
  }
}

/** "Sign-ins from Brazil, a country new for this user": the warning in a few words, plain text. */
export function callerDoubtText(doubt: CallerDoubt, locale: Locale): string {
  switch (doubt.kind) {
    case 'newCountry':
      return translate(locale, 'verify.doubt.newCountry', { count: doubt.countries.length, countries: doubt.countries.map((country) => countryName(country, locale)).join(', ') });
    case 'lookAlike':
      return translate(locale, 'verify.doubt.lookAlike');
    case 'newAccount':
      return translate(locale, 'verify.doubt.newAccount');
    case 'guest':
      return translate(locale, 'verify.doubt.guest');
  }
}

const SCRIPT_NAMES: Readonly<Record<string, MessageKey>> = {
  Latin: 'verify.script.latin',
  Greek: 'verify.script.greek',
  Cyrillic: 'verify.script.cyrillic',
  Armenian: 'verify.script.armenian',
  Fullwidth: 'verify.script.fullwidth',
};

function scriptName(script: string, locale: Locale): string {
  const key = SCRIPT_NAMES[script];
  return key ? translate(locale, key) : script;
}

function lookAlikeText(character: LookAlikeCharacter, locale: Locale): string {
  if (character.looksLike === undefined) {
    const code = (character.character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return translate(locale, 'verify.lookAlike.invisible', { code: `U+${code}` });
  }
  return translate(locale, 'verify.lookAlike.character', { character: character.character, script: scriptName(character.script, locale), latin: character.looksLike });
}

const NOVELTY_TEXT: Readonly<Record<SignInOrigin['novelty'], MessageKey>> = {
  newCountry: 'verify.place.newCountry',
  newCity: 'verify.place.newCity',
  known: 'verify.place.known',
  noHistory: 'verify.place.noHistory',
  unknown: 'verify.place.unknown',
};

/** "17 failed · São Paulo, Brazil: a new country for this user · 192.0.2.145 · OfficeHome · Linux · Chrome · last 1 Dec 2026, 08:05". */
function originLine(origin: SignInOrigin, view: VerifyCallerView): { text: string; color: 'Attention' | 'Default' } {
  const { locale } = view;
  const counts = [
    ...(origin.failed > 0 ? [translate(locale, 'verify.signIns.failed', { count: origin.failed })] : []),
    ...(origin.risky > 0 ? [translate(locale, 'verify.signIns.risky', { count: origin.risky })] : []),
  ].join(', ');
  const where = [origin.city, origin.countryOrRegion ? countryName(origin.countryOrRegion, locale) : undefined].filter(Boolean).join(', ');
  const place = where ? translate(locale, NOVELTY_TEXT[origin.novelty], { place: where }) : translate(locale, 'verify.place.none');
  const details = [origin.ipAddress, origin.app, origin.device].filter((part): part is string => part !== undefined);
  return {
    // Escaped whole, once: the log's data sits in the middle of the line.
    text: escapeMarkdown([counts, place, ...details, translate(locale, 'verify.signIns.lastAt', { at: origin.lastAt }, view)].join(' · ')),
    color: origin.novelty === 'newCountry' ? 'Attention' : 'Default',
  };
}

function signInNotes(signIns: SignInOrigins | undefined, view: VerifyCallerView): string[] {
  const { locale } = view;
  if (signIns === undefined) return [translate(locale, 'verify.signIns.couldNotRead')];
  return [
    ...(signIns.origins.length === 0 ? [translate(locale, 'verify.signIns.none')] : []),
    ...(signIns.more > 0 ? [translate(locale, 'verify.signIns.more', { count: signIns.more })] : []),
    ...(signIns.earlierRead ? [] : [translate(locale, 'verify.signIns.earlierNotRead')]),
  ];
}

function factRows(facts: CallerVerification, view: VerifyCallerView): { title: string; value: string }[] {
  const { locale } = view;
  const none = translate(locale, 'verify.value.none');
  const couldNotRead = translate(locale, 'verify.value.couldNotRead');
  const row = (title: MessageKey, value: string | undefined): { title: string; value: string } => ({ title: translate(locale, title), value: value === undefined ? none : escapeMarkdown(value) });
  const when = (iso: string | undefined): string | undefined => (iso ? formatDateTime(locale, iso, view) : undefined);
  const rows = [
    row('verify.fact.mobile', facts.mobilePhone),
    row('verify.fact.businessPhones', facts.businessPhones.length > 0 ? facts.businessPhones.join(', ') : undefined),
  ];
  if (facts.manager) {
    const manager = facts.manager.kind === 'ok' ? facts.manager.value : undefined;
    const value =
      facts.manager.kind !== 'ok'
        ? couldNotRead
        : manager
          ? [manager.jobTitle ? `${manager.displayName} (${manager.jobTitle})` : manager.displayName, manager.address, manager.phone].filter(Boolean).join(' · ')
          : none;
    rows.push(row('verify.fact.manager', value));
  }
  rows.push(
    row('verify.fact.department', facts.department),
    row('verify.fact.jobTitle', facts.jobTitle),
    row('verify.fact.office', facts.officeLocation),
    row('verify.fact.passwordChanged', when(facts.passwordChangedAt)),
    row('verify.fact.created', when(facts.createdAt)),
  );
  if (facts.signIns.kind === 'ok' && facts.signIns.value.earlierRead) {
    const usual = facts.signIns.value.usualCountries.map((country) => countryName(country, locale));
    rows.push(row('verify.fact.usualCountries', usual.length > 0 ? usual.join(', ') : undefined));
  }
  const shared = facts.warnings.some((warning) => warning.kind === 'sharedName');
  rows.push(
    row(
      'verify.fact.sameName',
      facts.sameNameChecked === undefined
        ? translate(locale, 'verify.value.onRecheck')
        : facts.sameNameChecked.kind !== 'ok'
          ? couldNotRead
          : translate(locale, shared ? 'verify.value.seeWarning' : 'verify.value.noOther'),
    ),
  );
  return rows;
}

/** One `Intl.DisplayNames` per language, made on first use and reused: building one costs more than the rest of the card. */
const regionNames = new Map<Locale, Intl.DisplayNames>();

/** "LV" → "Latvia" (English) or "Latvija" (Latvian); a code Intl does not know stays as it is. */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale === 'lv' ? 'lv-LV' : 'en-GB'], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
