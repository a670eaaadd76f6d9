/**
 * The deployment files as the Microsoft 365 Agents Toolkit reads them: paths, env/ files (parsed as
 * dotenv, which keeps quoted values such as `" (dev)"` whole, as the toolkit does) and the
 * `${{NAME}}` placeholders it fills from them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'dotenv';

export const root = join(__dirname, '..', '..', '..');

export function projectPath(...parts: string[]): string {
  return join(root, ...parts);
}

export function readProjectFile(...parts: string[]): string {
  return readFileSync(projectPath(...parts), 'utf8');
}

export function projectFileExists(...parts: string[]): boolean {
  return existsSync(projectPath(...parts));
}

/** Files under a project folder whose names end with `suffix`, as project-relative paths with `/`. */
export function projectFilesUnder(folder: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name.endsWith(suffix)) {
        found.push(relative(root, path).split('\\').join('/'));
      }
    }
  };
  walk(projectPath(folder));
  return found.sort();
}

export interface EnvFile {
  readonly values: Readonly<Record<string, string>>;
  /** Keys in the order they appear, duplicates included. */
  readonly keys: readonly string[];
}

export function readEnvFile(name: string): EnvFile {
  const text = readProjectFile('env', name);
  const keys = [...text.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((match) => match[1] ?? '');
  return { values: parse(text), keys };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The names of the `${{NAME}}` placeholders in a text, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/** The names the toolkit fills in itself when they are empty (RESOURCE_SUFFIX: a random 6 characters). */
export const TOOLKIT_GENERATED = ['RESOURCE_SUFFIX'] as const;
