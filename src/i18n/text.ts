import type { MessageKey } from './keys';

/** A param may itself be a `Text`, rendered in the same language ("{action}: done" with a step title). */
export type TextParam = string | number | Text;
export type TextParams = Readonly<Record<string, TextParam>>;

/** A user-facing text by catalogue key, translated only when a card or reply is rendered. */
export interface Text {
  readonly key: MessageKey;
  readonly params?: TextParams;
}

export function text(key: MessageKey, params?: TextParams): Text {
  return params === undefined ? { key } : { key, params };
}
