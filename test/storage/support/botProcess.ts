/**
 * The bot as a real process, as `npm start` and App Service run it, but from its modules rather than
 * the one-file bundle they run (test/deployment/bundle.test.ts starts that): `node src/host/index.js`. The
 * sources are transpiled once (TypeScript's own `transpileModule`, no type check: `npm run typecheck`
 * does that) into `node_modules/.cache/`, keyed by the sources' sizes and times, so test files and
 * reruns share one build; a full `tsc` build would take most of the time these tests may use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../../..');
const SOURCES = ['src', 'dialogs', 'cards'];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|json)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Builds (or finds) the transpiled service and answers the path of its entry point. */
export function buildBot(): string {
  const files = SOURCES.flatMap(sourceFiles).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const stat = statSync(join(ROOT, file));
    hash.update(`${file}:${stat.size}:${stat.mtimeMs}\n`);
  }
  const cache = join(ROOT, 'node_modules/.cache/unlock-storage-tests');
  const out = join(cache, hash.digest('hex').slice(0, 16));
  const entry = join(out, 'src/host/index.js');
  if (existsSync(entry)) return entry;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, 'building-'));
  const compilerOptions: ts.CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    isolatedModules: true,
    inlineSourceMap: true,
  };
  for (const file of files) {
    const target = join(staging, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.json')) {
      copyFileSync(join(ROOT, file), target);
      continue;
    }
    const source = readFileSync(join(ROOT, file), 'utf8');
    writeFileSync(target, ts.transpileModule(source, { compilerOptions, fileName: join(ROOT, file) }).outputText);
  }
  try {
    renameSync(staging, out);
  } catch {
    // Another test file built the same sources at the same moment: use theirs.
    rmSync(staging, { recursive: true, force: true });
  }
  removeOldBuilds(cache);
  return entry;
}

/** Builds of sources since changed, left for an hour in case a test still runs from one. */
function removeOldBuilds(cache: string): void {
  const hourAgo = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
  }
}

export interface BotProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  /** Resolves with the exit code (or signal) once it has exited. */
  readonly exited: Promise<number | NodeJS.Signals>;
}

const scratchFolders: string[] = [];

/** A scratch folder to run the bot in: no `.env` there, and room for its `.azurite/`. */
export function scratchFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'unlock-bot-'));
  scratchFolders.push(folder);
  return folder;
}

/** Removes the scratch folders made so far; for `afterAll`, once the processes have exited. */
export function removeScratchFolders(): void {
  for (const folder of scratchFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Starts `node src/host/index.js` with exactly `env` (plus PATH), in `cwd` (a new scratch folder by default). */
export async function startBotProcess(entry: string, env: Record<string, string>, cwd: string = scratchFolder()): Promise<BotProcess> {
  const child = spawn(process.execPath, [entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start within 30 s:\n${output}`)), 30_000);
    const look = (): void => {
      const match = /Unlock is running at (http:\/\/[^\s/]+)\/api\/messages/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}) before it started:\n${output}`));
    });
  });
  return { url, child, output: () => output, exited };
}

/** Where the transpiled service lives, relative to the repository, for messages. */
export function describeBuild(entry: string): string {
  return relative(ROOT, entry);
}
