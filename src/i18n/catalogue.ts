/**
 * The message catalogue: every user-facing string, by key. A message is either a string with `{name}`
 * placeholders or a set of plural forms chosen with `Intl.PluralRules` on the `count` parameter
 * (Latvian has `zero`, `one` and `other`: 1, 21, 31 … take `one`).
 */
import { en } from './en';
import { enConversation } from './enConversation';
import { lv } from './lv';
import { lvConversation } from './lvConversation';
import type { MessageKey } from './keys';
import type { Message, PluralForms } from './messages';
import type { TextParams, Text } from './text';

export type { LatvianMessages, LatvianPluralForms, Message, PluralForms } from './messages';
export type { MessageKey } from './keys';

const english = { ...en, ...enConversation };

export type Catalogue = Readonly<Record<MessageKey, Message>>;

export type Locale = 'en' | 'lv';

const catalogues: Readonly<Record<Locale, Catalogue>> = { en: english, lv: { ...lv, ...lvConversation } };

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
}

/** Params that are ISO 8601 date-times are shown as local dates and times. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

export function translate(locale: Locale, key: MessageKey, params: TextParams = {}, options: RenderOptions = {}): string {
  const message = catalogues[locale][key];
  const template = typeof message === 'string' ? message : pluralForm(locale, message, params.count);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) {
      return whole;
    }
    if (typeof value === 'object') {
      return translate(locale, value.key, value.params, options);
    }
    if (typeof value === 'number') {
      return String(value);
    }
    return ISO_DATE_TIME.test(value) ? formatDateTime(locale, value, options) : inert(value);
  });
}

/**
 * Params are data (names of inbox rules, addresses, what people typed), and Teams renders message
 * and card text as Markdown. A rule named "[Verify your session](https://…)" must not become a link in
 * an operator's card: a zero-width space between "]" and "(" keeps the text and breaks the link.
 */
export function inert(value: string): string {
  return value.replace(/\](\s*)\(/g, ']\u200B$1(');
}

export function render(locale: Locale, value: Text, options: RenderOptions = {}): string {
  return translate(locale, value.key, value.params, options);
}

export function formatDateTime(locale: Locale, iso: string, options: RenderOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return inert(iso);
  }
  const timeZone = options.timeZone && isTimeZone(options.timeZone) ? options.timeZone : 'UTC';
  const formatted = new Intl.DateTimeFormat(locale === 'lv' ? 'lv-LV' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
  return timeZone === 'UTC' ? `${formatted} UTC` : formatted;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function pluralForm(locale: Locale, forms: PluralForms, count: TextParams[string] | undefined): string {
  const n = typeof count === 'number' ? count : Number(typeof count === 'string' ? count : 0);
  const category = new Intl.PluralRules(locale).select(n);
  return forms[category] ?? forms.other;
}
