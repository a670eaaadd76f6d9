/**
 * `Retry-After` is seconds or an HTTP date (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after);
 * Graph also sends fractions of a second ("2.128", https://learn.microsoft.com/en-us/graph/throttling),
 * which we round up.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value.trim())) {
    return Math.ceil(Number(value.trim()));
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
