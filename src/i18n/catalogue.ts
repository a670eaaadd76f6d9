/**
 * The message catalogue: every user-facing string, by key. A message is either a string with `{name}`
 * placeholders or a set of plural forms chosen with `Intl.PluralRules` on the `count` parameter
 * (Latvian has `zero`, `one` and `other`: 1, 21, 31 … take `one`).
 */
import { en } from './en';
import type { TextParams, Text } from './text';

export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type Message = string | PluralForms;
export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, Message>>;

export type Locale = 'en' | 'lv';

const catalogues: Readonly<Record<Locale, Catalogue>> = { en, lv: en };

/** Picks the catalogue language from a Teams locale such as `lv-LV` or `en-US`. */
export function localeFrom(teamsLocale: string | undefined): Locale {
  return teamsLocale?.toLowerCase().startsWith('lv') ? 'lv' : 'en';
}

export function translate(locale: Locale, key: MessageKey, params: TextParams = {}): string {
  const message = catalogues[locale][key];
  const template = typeof message === 'string' ? message : pluralForm(locale, message, params.count);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function render(locale: Locale, value: Text): string {
  return translate(locale, value.key, value.params);
}

function pluralForm(locale: Locale, forms: PluralForms, count: string | number | undefined): string {
  const n = typeof count === 'number' ? count : Number(count ?? 0);
  const category = new Intl.PluralRules(locale).select(n);
  return forms[category] ?? forms.other;
}
