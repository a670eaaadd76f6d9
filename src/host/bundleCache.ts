/**
 * The bundled service (`index.bundle.js`, 12 MB) compiled with a V8 code cache that `npm run build`
 * writes beside it (`index.bundle.cache`, `writeCodeCache` in scripts/bundle.ts), so a start neither
 * parses the whole file again nor compiles the functions every start runs: V8 reads their bytecode
 * from the cache (a production start to `/readyz` about a third shorter: README "Benchmarks"). Node 22
 * has this built in (`module.enableCompileCache`); Node 20, which Unlock runs on, does not.
 *
 * The bundle is compiled as Node compiles a CommonJS module: one function of `exports, require,
 * module, __filename, __dirname`, its lines numbered as in the file. A cache is used only for the
 * bundle it was made from: it starts with the bundle's SHA-256. V8 itself checks only the source's
 * length and its own version and flags, and takes a cache made for another source of the same length
 * and runs that source's code (test/unit/bundleCache.test.ts). A cache that does not fit (another
 * bundle, another Node, other V8 flags) is not used and the bundle is compiled from its source, as
 * without one: slower, never different.
 * https://nodejs.org/docs/latest-v20.x/api/vm.html#scriptcreatecacheddata
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** What Node's CommonJS loader passes a module. */
type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

export interface StartedBundle {
  readonly exports: unknown;
  /** Whether the code cache beside the bundle was made for it and V8 did not refuse it. */
  readonly cacheUsed: boolean;
  /** A code cache for this bundle with what has been compiled so far (`writeCodeCache`, scripts/bundle.ts). */
  codeCache(): Buffer;
}

/** On a line of its own, so the bundle's lines keep their numbers (`lineOffset`) and columns. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAPPER_TAIL = '\n})';
const DIGEST_BYTES = 32;

/** The cache file beside a bundle. */
export function codeCachePath(bundlePath: string): string {
  return bundlePath.replace(/\.js$/, '.cache');
}

/**
 * Runs the bundle at `bundlePath` as Node would run it as a module of its folder: `require` resolves
 * from there (the simulated tenant's own files, the development tools in node_modules), `__filename`
 * and stack traces name the bundle. A missing or unreadable cache costs only time.
 */
export function runBundle(bundlePath: string): StartedBundle {
  const source = readFileSync(bundlePath);
  const { script, cacheUsed } = compileBundle(source, bundlePath, readOptional(codeCachePath(bundlePath)));
  const run = script.runInThisContext() as ModuleFunction;
  const bundleModule: { exports: unknown } = { exports: {} };
  run.call(bundleModule.exports, bundleModule.exports, createRequire(bundlePath), bundleModule, bundlePath, dirname(bundlePath));
  return {
    exports: bundleModule.exports,
    cacheUsed,
    codeCache: () => Buffer.concat([digest(source), script.createCachedData()]),
  };
}

/** The bundle compiled, not run: with `cache` when it was made for this very source and V8 takes it. */
export function compileBundle(source: Buffer, filename: string, cache: Buffer | undefined): { readonly script: Script; readonly cacheUsed: boolean } {
  const cachedData = cache && cache.length > DIGEST_BYTES && cache.subarray(0, DIGEST_BYTES).equals(digest(source)) ? cache.subarray(DIGEST_BYTES) : undefined;
  const script = new Script(`${WRAPPER_HEAD}${source.toString('utf8')}${WRAPPER_TAIL}`, { filename, lineOffset: -1, ...(cachedData ? { cachedData } : {}) });
  return { script, cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
}

function digest(source: Buffer): Buffer {
  return createHash('sha256').update(source).digest();
}

function readOptional(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
