/**
 * Preloaded into a bot child that the benchmark must look inside (`node --expose-gc -r
 * dist/bench/childProbe.js dist/src/index.js`, started with an IPC channel). Unlock exposes no heap
 * figure, and which modules a start loaded can only be seen from inside the process. Nothing else in
 * the process changes; the turns measured for speed run without it.
 *   "heap"    → collect garbage (with --expose-gc), then `process.memoryUsage()`
 *   "modules" → the compiled files of ours that are loaded, relative to dist/
 */
import { join, relative } from 'node:path';

const DIST = join(__dirname, '..');

process.on('message', (message: unknown) => {
  if (message === 'heap') {
    global.gc?.();
    const usage = process.memoryUsage();
    process.send?.({ settled: Boolean(global.gc), heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, rss: usage.rss });
  } else if (message === 'modules') {
    const ours = Object.keys(require.cache)
      .filter((file) => file.startsWith(DIST) && !file.includes('node_modules'))
      .map((file) => relative(DIST, file));
    process.send?.({ modules: ours });
  }
});

export {};
