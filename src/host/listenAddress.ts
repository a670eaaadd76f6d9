/** Where a server goes when its `listen(…)` call names no host: loopback (see `loopbackOnly.ts`). */
import type net from 'node:net';

const LOOPBACK = '127.0.0.1';

/** The arguments of `server.listen(…)` with loopback as the host when none was given. */
export function onLoopback(args: readonly unknown[]): unknown[] {
  const [first, second, ...rest] = args;
  if (first === undefined || typeof first === 'function') return [0, LOOPBACK, ...args];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof second === 'string' ? [...args] : [first, LOOPBACK, ...(second === undefined ? [] : [second]), ...rest];
  }
  // Options with a port; a path (a Unix socket) or a handle is not a network address.
  if (first && typeof first === 'object' && !('fd' in first) && !('handle' in first) && !('_handle' in first) && !('path' in first)) {
    const options = first as net.ListenOptions;
    return options.host ? [...args] : [{ ...options, host: LOOPBACK }, ...args.slice(1)];
  }
  return [...args];
}
