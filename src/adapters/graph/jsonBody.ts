/** A response body as JSON when it is JSON, as text when it is not, `undefined` when empty. */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
