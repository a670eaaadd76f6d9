import type { MessageKey } from './catalogue';

export type TextParams = Readonly<Record<string, string | number>>;

/** A user-facing text by catalogue key, translated only when a card or reply is rendered. */
export interface Text {
  readonly key: MessageKey;
  readonly params?: TextParams;
}

export function text(key: MessageKey, params?: TextParams): Text {
  return params === undefined ? { key } : { key, params };
}
