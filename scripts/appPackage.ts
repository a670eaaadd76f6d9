/**
 * The Teams app package: which variables fill the `${{VAR}}` placeholders of appPackage/ (the
 * Teams/Agents Toolkit convention), how they are checked and defaulted, and the zip Teams expects
 * (manifest, localisation files and icons at the root of the archive). Pure functions apart from
 * reading appPackage/; `scripts/package.ts` is the command line around them and
 * `appPackageValidation.ts` checks the result against the Teams schemas.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

export class AppPackageError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** Every variable the templates in appPackage/ may use, in the order the README lists them. */
export const PACKAGE_VARIABLES = [
  'BOT_ID',
  'TEAMS_APP_ID',
  'BOT_DOMAIN',
  'APP_NAME_SUFFIX',
  'APP_VERSION',
  'DEVELOPER_NAME',
  'WEBSITE_URL',
  'PRIVACY_URL',
  'TERMS_URL',
] as const;

export type PackageVariable = (typeof PACKAGE_VARIABLES)[number];
export type PackageValues = Readonly<Record<PackageVariable, string>>;

export interface PackageSettings {
  readonly values: PackageValues;
  /** One line per variable that was not set and took its default, for the build summary. */
  readonly defaulted: readonly string[];
}

/** Stand-ins that let you sideload a trial package; set the real pages before publishing to your organisation. */
export const TRIAL_URLS = {
  WEBSITE_URL: 'https://www.example.com/unlock',
  PRIVACY_URL: 'https://www.example.com/unlock/privacy',
  TERMS_URL: 'https://www.example.com/unlock/terms',
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A host name as `validDomains` takes it: no scheme, no path; an optional port or leading `*.`. */
const DOMAIN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;
/** Teams wants MAJOR.MINOR.PATCH and a higher one for every update of an uploaded app. */
const VERSION = /^\d+\.\d+\.\d+$/;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function guid(name: string, raw: string): string {
  if (!GUID.test(raw)) {
    throw new AppPackageError(`${name}=${raw} is not a GUID (like 00000000-0000-0000-0000-000000000000).`);
  }
  return raw;
}

function httpsUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppPackageError(`${name}=${raw} is not a URL.`);
  }
  if (url.protocol !== 'https:') {
    throw new AppPackageError(`${name}=${raw} must be an https:// address (Teams shows it to users).`);
  }
  return raw;
}

/**
 * Reads the package variables from the environment. BOT_ID (or botbuilder's MicrosoftAppId) is
 * required; everything else has a default that is good enough to sideload a trial package.
 * `packageVersion` (package.json's version) is the default app version.
 */
export function resolvePackageSettings(env: Env, packageVersion: string): PackageSettings {
  const defaulted: string[] = [];
  const orDefault = (name: PackageVariable, fallback: string, note: string): string => {
    const given = value(env, name);
    if (given !== undefined) {
      return given;
    }
    defaulted.push(`${name} not set: ${note}`);
    return fallback;
  };

  const botIdRaw = value(env, 'BOT_ID') ?? value(env, 'MicrosoftAppId');
  if (!botIdRaw) {
    throw new AppPackageError(
      'BOT_ID is required: the Microsoft App ID of the Azure Bot resource (MicrosoftAppId is used when BOT_ID is not set).',
    );
  }
  const botId = guid(value(env, 'BOT_ID') ? 'BOT_ID' : 'MicrosoftAppId', botIdRaw);
  const teamsAppId = guid('TEAMS_APP_ID', orDefault('TEAMS_APP_ID', botId, 'the Teams app id is the bot id'));

  const botDomain = orDefault('BOT_DOMAIN', '', 'validDomains is empty (a bot without tabs needs none)');
  if (botDomain && !DOMAIN.test(botDomain)) {
    throw new AppPackageError(`BOT_DOMAIN=${botDomain} must be a host name such as unlock.contoso.com, without https:// or a path.`);
  }

  const appVersion = orDefault('APP_VERSION', packageVersion, `version ${packageVersion} from package.json`);
  if (!VERSION.test(appVersion)) {
    throw new AppPackageError(`APP_VERSION=${appVersion} must be MAJOR.MINOR.PATCH, such as 1.0.0.`);
  }

  const trialUrl = (name: keyof typeof TRIAL_URLS): string =>
    httpsUrl(name, orDefault(name, TRIAL_URLS[name], `${TRIAL_URLS[name]} stands in; set it before publishing`));

  return {
    values: {
      BOT_ID: botId,
      TEAMS_APP_ID: teamsAppId,
      BOT_DOMAIN: botDomain,
      // Not trimmed: a suffix such as " (dev)" keeps its space.
      APP_NAME_SUFFIX: env.APP_NAME_SUFFIX ?? '',
      APP_VERSION: appVersion,
      DEVELOPER_NAME: orDefault('DEVELOPER_NAME', 'Unlock', 'the developer is shown as "Unlock"'),
      WEBSITE_URL: trialUrl('WEBSITE_URL'),
      PRIVACY_URL: trialUrl('PRIVACY_URL'),
      TERMS_URL: trialUrl('TERMS_URL'),
    },
    defaulted,
  };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The variable names a template uses, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * Replaces every `${{VAR}}` in a JSON template with its value, escaped for a JSON string.
 * A placeholder that is not a package variable is an error, never left in the package.
 */
export function fillPlaceholders(template: string, values: PackageValues, file: string): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    if (!(PACKAGE_VARIABLES as readonly string[]).includes(name)) {
      throw new AppPackageError(`${file} uses \${{${name}}}, which is not a package variable (${PACKAGE_VARIABLES.join(', ')}).`);
    }
    return JSON.stringify(values[name as PackageVariable]).slice(1, -1);
  });
}

/** The parts of the manifest the packaging reads; the schema checks the rest. */
export interface ManifestJson {
  readonly $schema?: string;
  readonly manifestVersion?: string;
  readonly icons?: { readonly color?: string; readonly outline?: string };
  readonly localizationInfo?: {
    readonly defaultLanguageFile?: string;
    readonly additionalLanguages?: readonly { readonly languageTag: string; readonly file: string }[];
  };
  readonly validDomains?: readonly string[];
  readonly [property: string]: unknown;
}

/** appPackage/ as read from disk: the templates as text, the icons as bytes. */
export interface AppPackageSources {
  readonly manifest: string;
  /** Localisation files by file name (`lv.json`), as the manifest's `localizationInfo` lists them. */
  readonly localizations: Readonly<Record<string, string>>;
  /** Icons by file name (`color.png`), as the manifest's `icons` lists them. */
  readonly icons: Readonly<Record<string, Buffer>>;
}

export interface FilledAppPackage {
  readonly manifest: ManifestJson;
  readonly localizations: Readonly<Record<string, Record<string, unknown>>>;
  readonly icons: Readonly<Record<string, Buffer>>;
}

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new AppPackageError(`${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** The files the manifest names besides itself; each must sit next to it (the zip is flat). */
export function filesNamedBy(manifestText: string): { localizations: string[]; icons: string[] } {
  const manifest = parseJson<ManifestJson>(manifestText, 'manifest.json');
  const info = manifest.localizationInfo;
  const localizations = [
    ...(info?.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info?.additionalLanguages ?? []).map((language) => language.file),
  ];
  const icons = [manifest.icons?.color, manifest.icons?.outline].filter((file): file is string => Boolean(file));
  for (const file of [...localizations, ...icons]) {
    if (!/^[\w.-]+$/.test(file)) {
      throw new AppPackageError(`manifest.json names "${file}": package files must sit next to manifest.json, without folders.`);
    }
  }
  return { localizations, icons };
}

/** Reads manifest.json and the files it names from appPackage/. */
export function readAppPackageSources(dir: string): AppPackageSources {
  const read = (file: string): Buffer => {
    try {
      return readFileSync(join(dir, file));
    } catch {
      throw new AppPackageError(`${join(dir, file)} is missing.`);
    }
  };
  const manifest = read('manifest.json').toString('utf8');
  const named = filesNamedBy(manifest);
  return {
    manifest,
    localizations: Object.fromEntries(named.localizations.map((file) => [file, read(file).toString('utf8')])),
    icons: Object.fromEntries(named.icons.map((file) => [file, read(file)])),
  };
}

/**
 * Fills the placeholders of the manifest and its localisation files. An empty BOT_DOMAIN leaves
 * no empty entry in `validDomains` (and no `validDomains` when nothing is left).
 */
export function fillAppPackage(sources: AppPackageSources, values: PackageValues): FilledAppPackage {
  const manifest = parseJson<ManifestJson>(fillPlaceholders(sources.manifest, values, 'manifest.json'), 'manifest.json');
  const localizations = Object.fromEntries(
    Object.entries(sources.localizations).map(([file, text]) => [
      file,
      parseJson<Record<string, unknown>>(fillPlaceholders(text, values, file), file),
    ]),
  );
  const { validDomains, ...rest } = manifest;
  const domains = validDomains?.filter((domain) => domain !== '') ?? [];
  return {
    manifest: domains.length > 0 ? { ...rest, validDomains: domains } : rest,
    localizations,
    icons: sources.icons,
  };
}

/** The zip to upload to Teams: every file at the root of the archive. */
export async function zipAppPackage(filled: FilledAppPackage): Promise<Buffer> {
  const zip = new JSZip();
  // A fixed date keeps the archive identical for identical inputs.
  const date = new Date('2024-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(filled.manifest, null, 2)}\n`, { date });
  for (const [file, content] of Object.entries(filled.localizations)) {
    zip.file(file, `${JSON.stringify(content, null, 2)}\n`, { date });
  }
  for (const [file, bytes] of Object.entries(filled.icons)) {
    zip.file(file, bytes, { date });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The repository root: the nearest folder above this file with package.json and appPackage/ (works from dist/ too). */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'appPackage')))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new AppPackageError(`No project root (package.json next to appPackage/) above ${from}.`);
    }
    dir = parent;
  }
  return dir;
}

export function appPackageDir(root: string = projectRoot()): string {
  return join(root, 'appPackage');
}
