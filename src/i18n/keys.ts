/**
 * Every message key, and the parameters each message takes, read from the English catalogue at
 * compile time: `{user}` in a message makes `user` a required parameter of `text()` and
 * `translate()` for that key, so a missing or misspelt parameter does not compile. Every language
 * has the same placeholders (test/unit/i18n.test.ts).
 */
import type { en } from './en';
import type { enConversation } from './enConversation';
import type { enVerification } from './enVerification';

type English = typeof en & typeof enConversation & typeof enVerification;

export type MessageKey = keyof English;

/** The placeholder names in one message string: `'{a} and {b}'` → `'a' | 'b'`. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** Placeholders of a message, or of all its plural forms; plural forms always take `count`. */
type MessagePlaceholders<M> = M extends string
  ? Placeholders<M>
  : M extends Readonly<Record<string, string>>
    ? Placeholders<M[keyof M]> | 'count'
    : never;

/**
 * A value for a placeholder: a string (data: names, addresses, what someone typed), a number, an
 * ISO 8601 date-time (shown as a local date and time), or another message, rendered in the same
 * language ("{action}: done" with a step's title).
 */
export type TextParam = string | number | Text;
export type TextParams = Readonly<Record<string, TextParam>>;

/** A user-facing text by catalogue key, translated only when a card or reply is rendered. */
export interface Text {
  readonly key: MessageKey;
  readonly params?: TextParams;
}

export type ParamsOf<K extends MessageKey> = {
  readonly [Name in MessagePlaceholders<English[K]>]: Name extends 'count' ? number : TextParam;
};

/** The parameters argument for a key: none for a message without placeholders, all of them otherwise. */
export type ParamsArgument<K extends MessageKey> = K extends MessageKey
  ? [MessagePlaceholders<English[K]>] extends [never]
    ? [params?: Readonly<Record<string, never>>]
    : [params: ParamsOf<K>]
  : never;

/** `translate()`'s arguments after the key: the parameters as for `text()`, then render options. */
export type TranslateArguments<K extends MessageKey, Options> = K extends MessageKey
  ? [MessagePlaceholders<English[K]>] extends [never]
    ? [params?: Readonly<Record<string, never>>, options?: Options]
    : [params: ParamsOf<K>, options?: Options]
  : never;

/** Keys whose placeholders are all among `Allowed`: a message a caller can fill knowing only those. */
export type KeysTaking<Allowed extends string> = {
  [K in MessageKey]: [MessagePlaceholders<English[K]>] extends [Allowed] ? K : never;
}[MessageKey];
