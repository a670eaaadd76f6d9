import type { MessageKey, ParamsArgument, Text } from './keys';

export type { Text, TextParam, TextParams } from './keys';

/** A message and its parameters, checked against the English catalogue at compile time. */
export function text<K extends MessageKey>(key: K, ...[params]: ParamsArgument<K>): Text {
  return params === undefined ? { key } : { key, params };
}
