/**
 * Preloaded (`node --require`) into the Agents Playground that `npm start` runs: the Playground's CLI
 * has no option for the address it binds and listens on every interface, which would put an
 * anonymous client of the bot on the local network. Here every server that names no host is bound
 * to loopback instead. Nothing imports this file; `index.ts` passes its path to the child process.
 */
import net from 'node:net';
import { onLoopback } from './listenAddress';

const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]) {
  return (listen as (...a: unknown[]) => net.Server).apply(this, onLoopback(args));
} as typeof listen;
