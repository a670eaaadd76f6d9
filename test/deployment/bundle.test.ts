/**
 * What `npm start` and App Service run is the service bundled by scripts/bundle.ts, compiled with
 * the code cache the build writes beside it by `start.js` (src/host/bundleCache.ts). Built here with
 * the same options from the transpiled sources (as `npm run build` builds it from tsc's output),
 * beside their `src/host/index.js`, and started as a real process that records the files it loaded:
 * a production start (a tenant at GRAPH_ENDPOINT) loads the launcher and the bundle alone, and never
 * the simulated tenant, which a start without a tenant loads from its own files.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { asciiOnly, bundleService, simulatorInputs, withoutBufferConstructor } from '../../scripts/bundle';
import { codeCachePath, compileBundle } from '../../src/host/bundleCache';
import { buildBot, removeScratchFolders, startBotProcess, type BotProcess } from '../storage/support/botProcess';

const TENANT = { AZURE_TENANT_ID: '00000000-0000-0000-0000-0000000000001', HELPDESK_GROUP_ID: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e' };

let build: string;
let bundle: string;
let launcher: string;
let probeFolder: string;

beforeAll(async () => {
  // The build sits in node_modules/.cache: its files are told from the packages' by their folder.
  const entry = realpathSync(buildBot());
  build = dirname(dirname(dirname(entry)));
  bundle = join(dirname(entry), 'index.bundle.js');
  launcher = join(dirname(entry), 'start.js');
  await bundleService(entry, bundle);
  probeFolder = mkdtempSync(join(tmpdir(), 'unlock-bundle-probe-'));
  // Preloaded with NODE_OPTIONS: at exit, writes every file the process has loaded.
  writeFileSync(
    join(probeFolder, 'probe.js'),
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_FILES, JSON.stringify(Object.keys(require.cache))));\n",
  );
}, 120_000);

afterAll(() => {
  removeScratchFolders();
  if (probeFolder) rmSync(probeFolder, { recursive: true, force: true });
});

/**
 * Starts the launcher with `env`, waits for /readyz, stops it, and answers the files it had loaded
 * from the build. The bundle is compiled by the launcher, not loaded by `require`, so it is not
 * among them; the simulated tenant's files would be.
 */
async function filesLoadedBy(env: Record<string, string>): Promise<string[]> {
  const loaded = join(probeFolder, `loaded-${Date.now()}.json`);
  const bot: BotProcess = await startBotProcess(launcher, { STORAGE: 'memory', NODE_OPTIONS: `--require ${join(probeFolder, 'probe.js')}`, LOADED_FILES: loaded, ...env });
  try {
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  expect(existsSync(loaded)).toBe(true);
  return (JSON.parse(readFileSync(loaded, 'utf8')) as string[]).filter((file) => file.startsWith(`${build}/`));
}

describe('the bundle npm start and App Service run', () => {
  it('a production start (GRAPH_ENDPOINT) is ready having loaded the launcher alone, which runs the bundle: no file of the simulated tenant', async () => {
    const files = await filesLoadedBy({ ...TENANT, GRAPH_ENDPOINT: 'http://127.0.0.1:9' });
    expect(files.sort()).toEqual([join(dirname(launcher), 'bundleCache.js'), launcher]);
  });

  it('a start without a tenant loads the simulated tenant from its own files beside the bundle', async () => {
    const files = await filesLoadedBy({});
    expect(files).toContain(launcher);
    expect(files).toContain(join(build, 'src', 'simulator', 'index.js'));
  });

  it('the build writes a code cache beside the bundle that this Node takes for it, and only for it', () => {
    const source = readFileSync(bundle);
    const cache = readFileSync(codeCachePath(bundle));
    // From a run of the bundle's top level: the bytecode of every module, not only the outline of the file.
    expect(cache.length).toBeGreaterThan(source.length / 4);
    expect(compileBundle(source, bundle, cache).cacheUsed).toBe(true);
    expect(compileBundle(Buffer.concat([source.subarray(0, -1), Buffer.from(' ')]), bundle, cache).cacheUsed).toBe(false);
  });

  it('the build refuses a bundle that holds the simulated tenant', () => {
    expect(simulatorInputs({ inputs: { 'dist/src/host/app.js': { bytes: 1, imports: [] }, 'dist/src/simulator/index.js': { bytes: 1, imports: [] } }, outputs: {} })).toEqual([
      'dist/src/simulator/index.js',
    ]);
  });

  it('writes the non-ASCII characters left in regular expressions as \\u escapes that match the same text', () => {
    const code = 'module.exports = [/vēsture/i, /^[ā-ž]+$/u, /０/g, /😀/u];';
    const escaped = asciiOnly(code);
    expect([...escaped].every((character) => character.charCodeAt(0) < 128)).toBe(true);
    const run = (source: string): RegExp[] => {
      const module = { exports: [] as RegExp[] };
      new Function('module', source)(module);
      return module.exports;
    };
    const texts = ['VĒSTURE', 'vēsture', 'ļoti', 'loti', '０', '0', '😀', ':)'];
    const matches = (patterns: RegExp[]): boolean[][] => patterns.map((pattern) => texts.map((text) => new RegExp(pattern.source, pattern.flags).test(text)));
    expect(matches(run(escaped))).toEqual(matches(run(code)));
    expect(() => asciiOnly('/\\é/')).toThrow(/backslash/);
  });

  it("rewrites a package's new Buffer(…) to what Node's deprecation asks for, with the same result", () => {
    const rewritten = withoutBufferConstructor('module.exports = [new Buffer(3), new Buffer("aGk=", "base64"), new Buffer([104, 105])];');
    expect(rewritten).not.toContain('new Buffer(');
    const module = { exports: [] as Buffer[] };
    new Function('module', rewritten ?? '')(module);
    expect(module.exports.map((buffer) => buffer.toString('hex'))).toEqual(['000000', '6869', '6869']);
    expect(withoutBufferConstructor('Buffer.from("x")')).toBeUndefined();
  });
});
