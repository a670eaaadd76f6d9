/**
 * The message catalogue: every user-facing string, by key. A message is either a string with `{name}`
 * placeholders or a set of plural forms chosen on the `count` parameter by the language's plural
 * rules (Latvian has `zero`, `one` and `other`: 1, 21, 31 … take `one`). Rendering is ICU
 * MessageFormat (`intl-messageformat`), with formatters made once and reused.
 */
import { en } from './en';
import { enConversation } from './enConversation';
import { enVerification } from './enVerification';
import { lv } from './lv';
import { lvConversation } from './lvConversation';
import { lvVerification } from './lvVerification';
import { IntlMessageFormat } from 'intl-messageformat';
import type { KeysTaking, MessageKey, TextParam, TranslateArguments } from './keys';
import type { Message, PluralForms } from './messages';
import type { TextParams, Text } from './text';

export type { LatvianMessages, LatvianPluralForms, Message, PluralForms } from './messages';
export type { MessageKey } from './keys';

const english = { ...en, ...enConversation, ...enVerification };

export type Catalogue = Readonly<Record<MessageKey, Message>>;

export type Locale = 'en' | 'lv';

const catalogues: Readonly<Record<Locale, Catalogue>> = { en: english, lv: { ...lv, ...lvConversation, ...lvVerification } };

/** The keys a language's catalogue holds, for the tests that compare languages. */
export function catalogueKeys(locale: Locale): readonly string[] {
  return Object.keys(catalogues[locale]);
}

/** A message as written in the catalogue, before placeholders and plural forms are resolved. */
export function catalogueMessage(locale: Locale, key: MessageKey): Message {
  return catalogues[locale][key];
}

/** Picks the catalogue language from a Teams locale such as `lv-LV` or `en-US`. */
export function localeFrom(teamsLocale: string | undefined): Locale {
  return teamsLocale?.toLowerCase().startsWith('lv') ? 'lv' : 'en';
}

export interface RenderOptions {
  /** IANA time zone from the Teams client (`clientInfo` entity); dates are shown in UTC without it. */
  readonly timeZone?: string;
  /**
   * The text goes into a card's `TextBlock`, which Teams renders as Markdown: parameters (display
   * names, rule names, error text, what someone typed) are escaped so they show as written.
   */
  readonly markdown?: boolean;
}

/** Params that are ISO 8601 date-times are shown as local dates and times. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A message and its parameters in one language. Typed by `TranslateArguments`: a missing or misspelt
 * parameter does not compile; at run time a missing one throws rather than reach a user as `{name}`.
 */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...[params, options]: TranslateArguments<K, RenderOptions>): string {
  return format(locale, key, params ?? {}, options ?? {});
}

/** Renders a `Text` made earlier (its parameters were checked when it was made). */
export function render(locale: Locale, value: Text, options: RenderOptions = {}): string {
  return format(locale, value.key, value.params ?? {}, options);
}

/**
 * A message chosen at run time from keys that all take at most the parameters given (a step's
 * confirmation question, a secret's heading): `KeysTaking` checks that at compile time.
 */
export function translateWith<Allowed extends string>(
  locale: Locale,
  key: KeysTaking<Allowed>,
  params: Readonly<Record<Allowed, TextParam>>,
  options: RenderOptions = {},
): string {
  return format(locale, key, params, options);
}

function format(locale: Locale, key: MessageKey, params: TextParams, options: RenderOptions): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    values[name] =
      typeof value === 'object'
        ? render(locale, value, options)
        : typeof value === 'number'
          ? name === 'count'
            ? value
            : String(value)
          : ISO_DATE_TIME.test(value)
            ? formatDateTime(locale, value, options)
            : options.markdown
              ? escapeMarkdown(value)
              : inert(value);
  }
  const formatted = String(formatter(locale, key).format(values));
  return options.markdown ? escapeOrderedListMarkers(formatted) : formatted;
}

/**
 * A TextBlock line that starts with digits and a dot or bracket is an ordered-list item in Markdown: a
 * Latvian history line "2026. gada 1. dec. 07:35 UTC · …" would show as "gada 1. dec. …" numbered 2026.
 * The catalogue's own messages never mean a numbered list, so a leading number, whether a parameter
 * (a date) or text, is escaped at the start of the text and of every line (`2026\.` shows as "2026.").
 * https://spec.commonmark.org/0.31.2/#ordered-list-marker
 */
export function escapeOrderedListMarkers(value: string): string {
  return value.replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/**
 * ICU MessageFormat formatters, made once per language and message and reused: building one (and
 * the `Intl` objects inside it) per call cost memory and CPU on every turn. Our catalogues keep a
 * simpler notation, `{name}` and plural forms as objects, which is turned into ICU here.
 */
const formatters = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}:${key}`;
  let found = formatters.get(cacheKey);
  if (!found) {
    // `ignoreTag`: text such as "<address>" is data, not markup.
    found = new IntlMessageFormat(icuOf(catalogues[locale][key]), locale, undefined, { ignoreTag: true });
    formatters.set(cacheKey, found);
  }
  return found;
}

/** `{name}` stays an argument; an apostrophe is ICU's quote character, so it is doubled. */
function icuOf(message: Message): string {
  const literal = (part: string): string => part.replace(/'/g, "''");
  if (typeof message === 'string') return literal(message);
  const forms = Object.entries(message as PluralForms).map(([category, form]) => `${category} {${literal(form as string).replace(/#/g, "'#'")}}`);
  return `{count, plural, ${forms.join(' ')}}`;
}

/**
 * Params are data (names of inbox rules, addresses, what people typed), and Teams renders message
 * and card text as Markdown. A rule named "[Verify your session](https://…)" must not become a link in
 * an operator's card: a zero-width space between "]" and "(" keeps the text and breaks the link.
 */
export function inert(value: string): string {
  return value.replace(/\](\s*)\(/g, ']\u200B$1(');
}

/**
 * Data as literal text in Markdown: a backslash before each character that could start emphasis, a
 * link, code, an HTML tag, strikethrough or a heading, and before a list marker at the start (CommonMark
 * backslash escapes; the Markdown of Teams and of the Adaptive Cards renderer shows `\*` as `*`). A
 * display name "*bold* [link](http://x)" stays that text. Dots and dashes inside names and addresses
 * are left alone: they start nothing there.
 * https://spec.commonmark.org/0.31.2/#backslash-escapes
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>~#]/g, '\\$&').replace(/^([ \t]*)([-+]|\d+[.)])/gm, (_match, space: string, marker: string) => `${space}${marker.replace(/[-+.)]/, '\\$&')}`);
}

export function formatDateTime(locale: Locale, iso: string, options: RenderOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return inert(iso);
  }
  const timeZone = options.timeZone && isTimeZone(options.timeZone) ? options.timeZone : 'UTC';
  const formatted = dateTimeFormat(locale, timeZone).format(date);
  return timeZone === 'UTC' ? `${formatted} UTC` : formatted;
}

/** One formatter per language and time zone, reused. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const cacheKey = `${locale}:${timeZone}`;
  let found = dateTimeFormats.get(cacheKey);
  if (!found) {
    found = new Intl.DateTimeFormat(locale === 'lv' ? 'lv-LV' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
    dateTimeFormats.set(cacheKey, found);
  }
  return found;
}

/** Time zone names the Teams client sent, checked once each. */
const knownTimeZones = new Map<string, boolean>();

function isTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    try {
      dateTimeFormat('en', name);
      known = true;
    } catch {
      known = false;
    }
    // A client could send endless made-up names; remember a bounded number.
    if (knownTimeZones.size < 1000) knownTimeZones.set(name, known);
  }
  return known;
}
