/** The shapes of catalogue entries, apart from the catalogues, so the catalogues can name them. */

export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type Message = string | PluralForms;

/** Latvian plurals: `zero` is 0, 10–20, 30, 40 …; `one` is 1, 21, 31 … (not 11); `other` is 2–9, 22 … */
export type LatvianPluralForms = Readonly<{ zero: string; one: string; other: string }>;
/**
 * A Latvian translation of English messages: exactly the same keys (a missing key fails the `satisfies`,
 * an extra one its excess-property check), a string for a string, all three Latvian forms for plural forms.
 */
export type LatvianMessages<English> = {
  readonly [Key in keyof English]: English[Key] extends string ? string : LatvianPluralForms;
};
