/**
 * The last step of `npm run build`: the service's compiled entry point (`dist/src/host/index.js`) and
 * everything it loads from `dist/` and `node_modules/`, in one file, `dist/src/host/index.bundle.js`,
 * which `npm start` and App Service run (through `start.js`, with the V8 code cache written here beside
 * it: src/host/bundleCache.ts). A start then reads one file instead of about 2,200 (each one
 * resolved, read and wrapped by Node's module loader): the production start to `/readyz` is a fifth to
 * a quarter shorter (bench/README.md "Start-up"). Every module is still evaluated before the server
 * listens, as without the bundle: `/readyz` still means a turn needs no more code.
 *
 * - Built from tsc's output, not from the TypeScript sources: its `require()` calls pick each
 *   package's CommonJS build, as Node does (an `import` would pick the ESM build of some Azure
 *   packages, which needs `import.meta`).
 * - The bundle sits beside `index.js`, so what is resolved at run time resolves as it did:
 *   `require('../simulator')` (kept out, below), `require.resolve('./loopbackOnly')`, and the
 *   development tools found with `require.resolve` (Azurite, the Agents Playground) in node_modules.
 * - The simulated tenant stays a file of its own, loaded only by a start without a tenant (app.ts):
 *   the build fails if any of it ends up in the bundle, so "a production start never loads the
 *   simulator" stays provable by the files a process has loaded (bench `childProbe`).
 * - `dtrace-provider` (restify's optional native probe) stays outside: it loads a compiled addon.
 * - Whitespace and syntax are minified (less to parse); names are kept, so stack traces still name
 *   our functions.
 * - ASCII only: esbuild escapes the non-ASCII characters of strings and templates but leaves those of
 *   regular expression literals (the text recognizers' full-width digits, our Latvian phrases), and
 *   one such character makes Node decode the whole 12 MB file into a two-byte string: about 0.2 s of
 *   a start on a 2-core machine, against 0.05 s for an ASCII file. `asciiOnly` writes them as `\uXXXX`,
 *   which a regular expression reads as the same character (with or without the `u` flag).
 * - `new Buffer(…)` in packages becomes the call Node's deprecation notice asks for (`legacyBuffer`,
 *   below). Node stays silent about `new Buffer` in files under node_modules, but in the bundle every
 *   package runs from `dist/`, so the first request body (restify's body reader) would print DEP0005.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** Relative to the project root. */
export const BUNDLE_ENTRY = 'dist/src/host/index.js';
export const BUNDLE_FILE = 'dist/src/host/index.bundle.js';
/** What `npm start` and App Service run: the bundle compiled with its code cache (src/host/start.ts). */
export const START_FILE = 'dist/src/host/start.js';

/** Loaded at run time from beside the bundle or from node_modules, never bundled. */
export const BUNDLE_EXTERNAL = ['../simulator', 'dtrace-provider'] as const;

/**
 * What `new Buffer(x, …)` does since Node 8, without its deprecation warning: a number is a zero-filled
 * buffer of that size (`Buffer.alloc`), anything else is copied or decoded (`Buffer.from`).
 * https://nodejs.org/api/deprecations.html#DEP0005
 */
const LEGACY_BUFFER = 'var __legacyBuffer = (value, ...rest) => typeof value === "number" ? Buffer.alloc(value) : Buffer.from(value, ...rest);\n';

/** Rewrites `new Buffer(` in packages' files to `__legacyBuffer(` (declared at the top of that file). */
export function withoutBufferConstructor(source: string): string | undefined {
  if (!source.includes('new Buffer(')) return undefined;
  return LEGACY_BUFFER + source.replace(/\bnew Buffer\(/g, '__legacyBuffer(');
}

const legacyBuffer: Plugin = {
  name: 'legacy-buffer',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.js$/ }, async (args) => {
      const contents = withoutBufferConstructor(await readFile(args.path, 'utf8'));
      return contents === undefined ? undefined : { contents, loader: 'js' };
    });
  },
};

export function bundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: [...BUNDLE_EXTERNAL],
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    // Resolved at run time on purpose (see above): the paths are right from beside index.js.
    logOverride: { 'require-resolve-not-external': 'silent' },
    plugins: [legacyBuffer],
  };
}

/**
 * Every non-ASCII UTF-16 unit as `\uXXXX`. Run on esbuild's output, where only regular expression
 * literals still hold such characters; a character escaped with a backslash there (`\é`) would turn
 * into something else, so that is refused rather than rewritten.
 */
export function asciiOnly(code: string): string {
  const escaped = /\\[\u0080-\uffff]/.exec(code);
  if (escaped) throw new Error(`a non-ASCII character follows a backslash at ${escaped.index}: cannot escape it safely`);
  return code.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The simulated tenant's files that a bundle holds: must be none. */
export function simulatorInputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).filter((input) => /(^|\/)src\/simulator\//.test(input));
}

/**
 * Bundles `entry` (a compiled `src/host/index.js`) into `outfile`, and writes its V8 code cache beside
 * it (`writeCodeCache`); fails when the simulator got in.
 */
export async function bundleService(entry: string, outfile: string): Promise<Metafile> {
  const result = await build(bundleOptions(entry, outfile));
  const metafile = result.metafile ?? { inputs: {}, outputs: {} };
  const simulator = simulatorInputs(metafile);
  if (simulator.length > 0) {
    throw new Error(`the bundle holds the simulated tenant (${simulator.slice(0, 3).join(', ')}): a production start must not load it`);
  }
  await writeFile(outfile, asciiOnly(await readFile(outfile, 'utf8')));
  writeCodeCache(outfile);
  return metafile;
}

/**
 * Run in a process of its own with the launcher's `bundleCache.js` beside the bundle: the bundle's top
 * level runs as a start's does, up to the start's first `await` (every module evaluated, the card
 * templates parsed, the configuration read), then the cache of what that compiled is written and the
 * process ends before the service has listened, read storage or called anyone.
 */
const WRITE_CODE_CACHE =
  "const { runBundle, codeCachePath } = require(process.argv[1]); const bundle = process.argv[2]; require('node:fs').writeFileSync(codeCachePath(bundle), runBundle(bundle).codeCache()); process.exit(0);";

/**
 * A production-shaped configuration for that run (a tenant at an endpoint, memory storage), so the
 * cache holds what a deployment's start compiles; nothing is ever called. Run from an empty folder, so
 * no `.env` is read, and with nothing of this process's environment but PATH.
 */
const CODE_CACHE_RUN_ENV = {
  STORAGE: 'memory',
  PLAYGROUND: 'off',
  GRAPH_ENDPOINT: 'http://127.0.0.1:9',
  AZURE_TENANT_ID: '00000000-0000-0000-0000-0000000000001',
  HELPDESK_GROUP_ID: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e',
  PORT: '0',
  HOST: '127.0.0.1',
};

/**
 * Writes `index.bundle.cache` beside the bundle (src/host/bundleCache.ts): made by this Node with
 * V8's default flags, as `npm start` and App Service run it. A start on another Node or with other
 * flags compiles from the source instead, as without a cache.
 */
export function writeCodeCache(bundle: string): void {
  const folder = mkdtempSync(join(tmpdir(), 'unlock-code-cache-'));
  try {
    const run = spawnSync(process.execPath, ['-e', WRITE_CODE_CACHE, join(dirname(bundle), 'bundleCache.js'), bundle], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', ...CODE_CACHE_RUN_ENV },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(`the code cache was not written (exit ${run.status ?? run.signal}): ${run.stderr.trim().slice(-500)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  bundleService(join(root, BUNDLE_ENTRY), join(root, BUNDLE_FILE)).catch((error: unknown) => {
    console.error(`npm run build: the bundle failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
