/**
 * The launcher's code cache (src/host/bundleCache.ts): the bundle runs as a module of its folder,
 * a cache made for it is taken, and a cache made for any other source is never used (V8 alone
 * would take one made for a source of the same length and run that source's code).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { codeCachePath, compileBundle, runBundle } from '../../src/host/bundleCache';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'unlock-bundle-cache-'));
  writeFileSync(join(folder, 'sibling.js'), "module.exports = 'beside the bundle';\n");
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A bundle that says which it is, where it thinks it is, what `require` finds beside it, and where its code is. */
function bundleSource(which: 'A' | 'B'): Buffer {
  return Buffer.from(
    `module.exports = { which: '${which}', filename: __filename, dirname: __dirname, sibling: require('./sibling'), where: () => new Error().stack.split('\\n')[1].trim() };\n`,
  );
}

function writeBundle(source: Buffer): string {
  const bundle = join(folder, 'index.bundle.js');
  writeFileSync(bundle, source);
  return bundle;
}

describe('the bundle and its code cache', () => {
  it('runs the bundle as a module of its own folder, its lines and columns as in the file', () => {
    const bundle = writeBundle(bundleSource('A'));
    const started = runBundle(bundle);
    expect(started).toMatchObject({ cacheUsed: false, exports: { which: 'A', filename: bundle, dirname: folder, sibling: 'beside the bundle' } });
    const column = bundleSource('A').toString().indexOf('new Error') + 1;
    expect((started.exports as { where: () => string }).where()).toBe(`at Object.where (${bundle}:1:${column})`);
  });

  it('takes the cache written beside the bundle from a run of it', () => {
    const bundle = writeBundle(bundleSource('A'));
    expect(codeCachePath(bundle)).toBe(join(folder, 'index.bundle.cache'));
    writeFileSync(codeCachePath(bundle), runBundle(bundle).codeCache());
    expect(runBundle(bundle)).toMatchObject({ cacheUsed: true, exports: { which: 'A', sibling: 'beside the bundle' } });
  });

  it("never uses a cache made for another bundle of the same length: it runs the bundle's own code", () => {
    const bundle = writeBundle(bundleSource('A'));
    const stale = runBundle(bundle).codeCache();
    writeBundle(bundleSource('B'));
    writeFileSync(codeCachePath(bundle), stale);
    expect(bundleSource('B').length).toBe(bundleSource('A').length);

    expect(runBundle(bundle)).toMatchObject({ cacheUsed: false, exports: { which: 'B' } });
  });

  it('V8 alone takes that stale cache and runs the old code: why the cache starts with the SHA-256 of its bundle', () => {
    const wrap = (source: Buffer): string => `(function (exports, require, module, __filename, __dirname) {\n${source.toString()}\n})`;
    const old = new Script(wrap(bundleSource('A'))).createCachedData();
    const current = new Script(wrap(bundleSource('B')), { cachedData: old });
    expect(current.cachedDataRejected).toBe(false);
    const module = { exports: {} };
    (current.runInThisContext() as (exports: unknown, require: () => string, module: { exports: unknown }, filename: string, dirname: string) => void)(
      {},
      () => 'stub',
      module,
      'b.js',
      '.',
    );
    expect(module.exports).toMatchObject({ which: 'A' });
  });

  it('runs the bundle from its source when the cache is cut short or is not a cache at all', () => {
    const bundle = writeBundle(bundleSource('A'));
    const cache = runBundle(bundle).codeCache();
    for (const broken of [cache.subarray(0, 40), cache.subarray(0, cache.length - 100), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(codeCachePath(bundle), broken);
      expect(runBundle(bundle).exports).toMatchObject({ which: 'A', sibling: 'beside the bundle' });
    }
    expect(compileBundle(bundleSource('A'), bundle, Buffer.from('not a cache')).cacheUsed).toBe(false);
    expect(compileBundle(bundleSource('A'), bundle, undefined).cacheUsed).toBe(false);
  });
});
