/**
 * Checks a filled app package offline: the manifest against the Teams schema of its own
 * `manifestVersion`, each localisation file against the localisation schema of that version
 * (both shipped in @microsoft/app-manifest), and the icons' sizes and colours.
 * Icon rules: https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import type { FilledAppPackage } from './appPackage';

const SCHEMA_BASE = 'https://developer.microsoft.com/json-schemas/teams';
type SchemaFile = 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json';

export function schemaUrl(manifestVersion: string, file: SchemaFile): string {
  return `${SCHEMA_BASE}/v${manifestVersion}/${file}`;
}

/** The schema as @microsoft/app-manifest ships it, read from disk: never fetched. */
export function shippedSchema(manifestVersion: string, file: SchemaFile): object | undefined {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const path = join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return unicodeSafePatterns(JSON.parse(text)) as object;
}

/**
 * The localisation schemas (v1.24 to v1.30 at least) have patterns with a lone `]`
 * (`^activities.activityTypes\[\b(…)\b]\.description$`). Ajv compiles patterns with the `u` flag, where
 * that is a syntax error, so the schema would not compile at all. Escaping a `]` outside a
 * character class keeps the pattern's meaning (without `u` it matches a literal `]`).
 */
function unicodeSafePatterns(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(unicodeSafePatterns);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === 'pattern' && typeof value === 'string') {
        return [key, escapeLoneBrackets(value)];
      }
      if (key === 'patternProperties' && value !== null && typeof value === 'object') {
        return [key, Object.fromEntries(Object.entries(value).map(([pattern, schema]) => [escapeLoneBrackets(pattern), unicodeSafePatterns(schema)]))];
      }
      return [key, unicodeSafePatterns(value)];
    }),
  );
}

function escapeLoneBrackets(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const char = pattern[i] ?? '';
      if (char === '\\') {
        out += char + (pattern[++i] ?? '');
      } else if (char === '[') {
        inClass = true;
        out += char;
      } else if (char === ']') {
        out += inClass ? char : '\\]';
        inClass = false;
      } else {
        out += char;
      }
    }
    return out;
  }
}

async function schemaProblems(file: string, document: object, schema: object): Promise<string[]> {
  // The types tie the schema to a Teams manifest; ajv compiles any draft-04 schema given to it.
  const errors = await AppManifestUtils.validateAgainstSchema(document as AppManifest, schema as never);
  return errors.map((error) => `${file}: ${error.trim()}`);
}

function iconProblems(file: string, bytes: Buffer | undefined, size: number, outline: boolean): string[] {
  if (!bytes) {
    return [`${file} is missing.`];
  }
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    return [`${file} is not a PNG: ${(error as Error).message}`];
  }
  if (png.width !== size || png.height !== size) {
    return [`${file} is ${png.width}×${png.height}; Teams wants ${size}×${size}.`];
  }
  if (outline) {
    for (let offset = 0; offset < png.data.length; offset += 4) {
      const white = png.data[offset] === 255 && png.data[offset + 1] === 255 && png.data[offset + 2] === 255;
      if (!white && png.data[offset + 3] !== 0) {
        return [`${file} has a pixel that is neither white nor fully transparent; Teams wants white on transparent.`];
      }
    }
  }
  return [];
}

/** Every problem found, as one line each; an empty list means the package may be written. */
export async function validateAppPackage(filled: FilledAppPackage): Promise<string[]> {
  const { manifest } = filled;
  const version = manifest.manifestVersion ?? '';
  const manifestSchema = shippedSchema(version, 'MicrosoftTeams.schema.json');
  const localizationSchema = shippedSchema(version, 'MicrosoftTeams.Localization.schema.json');
  if (!manifestSchema || !localizationSchema) {
    return [`manifest.json: manifestVersion "${version}" has no schema in @microsoft/app-manifest.`];
  }
  const problems: string[] = [];
  if (manifest.$schema !== schemaUrl(version, 'MicrosoftTeams.schema.json')) {
    problems.push(`manifest.json: $schema must be ${schemaUrl(version, 'MicrosoftTeams.schema.json')}.`);
  }
  problems.push(...(await schemaProblems('manifest.json', manifest, manifestSchema)));

  const named = [
    ...(manifest.localizationInfo?.defaultLanguageFile ? [manifest.localizationInfo.defaultLanguageFile] : []),
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
  ];
  for (const file of named) {
    const localization = filled.localizations[file];
    if (!localization) {
      problems.push(`${file} is named in localizationInfo but missing.`);
      continue;
    }
    if (localization.$schema !== schemaUrl(version, 'MicrosoftTeams.Localization.schema.json')) {
      problems.push(`${file}: $schema must be ${schemaUrl(version, 'MicrosoftTeams.Localization.schema.json')}.`);
    }
    problems.push(...(await schemaProblems(file, localization, localizationSchema)));
  }

  const { color, outline } = manifest.icons ?? {};
  if (color) {
    problems.push(...iconProblems(color, filled.icons[color], 192, false));
  }
  if (outline) {
    problems.push(...iconProblems(outline, filled.icons[outline], 32, true));
  }
  return problems;
}
