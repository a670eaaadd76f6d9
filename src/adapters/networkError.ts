/**
 * What went wrong with a request that got no answer, in a few words for the log and the caller.
 * The Graph SDK turns a network failure into a `GraphError` with an empty message and the original
 * error in `body` (`{ code: 'ECONNREFUSED', syscall: 'connect' }`), and Node's own can carry only a
 * `code` (a refused connection to a name with two addresses is an `AggregateError` without a
 * message); so the message, else the code, else what it wraps.
 */
export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message) return error.message;
  const { code, body } = error as { code?: unknown; body?: unknown };
  if (typeof code === 'string' && code) return code;
  const wrapped = body ?? error.cause;
  if (wrapped instanceof Error) return describeNetworkError(wrapped);
  if (typeof wrapped === 'object' && wrapped !== null) {
    const inner = wrapped as { code?: unknown; message?: unknown; syscall?: unknown };
    const words = [inner.syscall, inner.code, inner.message].filter((part): part is string => typeof part === 'string' && part !== '');
    if (words.length > 0) return words.join(' ');
  }
  return error.name;
}
