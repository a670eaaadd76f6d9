/**
 * The one-way dependency rule (README "Layout"): each folder is a layer, and a module imports only
 * from its own layer or a lower one; no module imports itself back through others; the simulated
 * tenant stands apart and production code reaches it only through the host's on-demand load.
 * Read from the source text, so it holds for type-only imports too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** Lowest first. A folder not listed here is not production code and is not checked. */
export const LAYERS: readonly (readonly string[])[] = [
  ['src/i18n'],
  ['src/domain'],
  ['src/steps'],
  ['src/diagnosis'],
  ['src/operations'],
  ['src/adapters', 'cards'],
  ['dialogs'],
  ['src/teams'],
  ['src/host'],
];

const SIMULATOR = 'src/simulator';

function layerOf(file: string): number | undefined {
  const index = LAYERS.findIndex((folders) => folders.some((folder) => file === folder || file.startsWith(`${folder}/`)));
  return index === -1 ? undefined : index;
}

function sourceFiles(folder: string): string[] {
  const full = join(ROOT, folder);
  return readdirSync(full).flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

/** Relative imports of a file, resolved to repository paths (`.json` templates included as written). */
export function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = relative(ROOT, resolve(ROOT, dirname(file), match[1] as string));
    const candidates = [`${target}.ts`, `${target}/index.ts`, target];
    found.push(candidates.find((candidate) => exists(candidate)) ?? target);
  }
  return found;
}

function exists(file: string): boolean {
  try {
    return statSync(join(ROOT, file)).isFile();
  } catch {
    return false;
  }
}

const production = [...new Set(LAYERS.flat())].flatMap(sourceFiles);
const graph = new Map(production.map((file) => [file, importsOf(file)] as const));

describe('the one-way dependency rule', () => {
  it('no module imports from a higher layer', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports.flatMap((target) => {
        const from = layerOf(file);
        const to = layerOf(target);
        return from !== undefined && to !== undefined && to > from ? [`${file} -> ${target}`] : [];
      }),
    );
    expect(upward).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('the simulated tenant imports nothing of the bot, and only the host loads it', () => {
    const outOfSimulator = sourceFiles(SIMULATOR).flatMap((file) =>
      importsOf(file)
        .filter((target) => !target.startsWith(`${SIMULATOR}/`))
        .map((target) => `${file} -> ${target}`),
    );
    expect(outOfSimulator).toEqual([]);
    const loaders = [...graph].filter(([, imports]) => imports.some((target) => target.startsWith(`${SIMULATOR}/`))).map(([file]) => file);
    expect(loaders).toEqual(['src/host/app.ts']);
  });

  it('the checks find what they look for', () => {
    expect(importsOf('src/domain/example.ts', "import { Router } from '../teams/router';")).toEqual(['src/teams/router.ts']);
    expect(layerOf('src/domain/example.ts')).toBeLessThan(layerOf('src/teams/router.ts') as number);
    expect(importsOf('src/host/example.ts', "const x = require('../simulator');")).toEqual(['src/simulator/index.ts']);
  });
});
