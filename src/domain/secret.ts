/**
 * A value that must never be written anywhere but to the one person it is for. Serialising or
 * logging it yields "[redacted]"; only `reveal()` gives the value, so every place that shows it is
 * a deliberate, searchable call.
 */
import { inspect } from 'node:util';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'Secret([redacted])';
  }
}
