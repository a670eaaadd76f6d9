/**
 * Every catalogue key is used by the source (src/, dialogs/, cards/), so translators never translate dead text.
 *
 * A key counts as used when it appears quoted ('key', "key" or `key`) in a source file. Some keys are built
 * from a value instead; for those families the template must appear in the source and the value must appear
 * there as a quoted literal (a union member, a table entry), e.g. `step.${step.id}.title` with 'resetPassword'.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogueKeys } from '../../src/i18n/catalogue';

const ROOT = join(__dirname, '..', '..');
const SOURCE_FOLDERS = ['src', 'dialogs', 'cards'];
/** The catalogues themselves define the keys; they are not uses of them. */
const CATALOGUE_FILES = new Set(['src/i18n/en.ts', 'src/i18n/enConversation.ts', 'src/i18n/lv.ts', 'src/i18n/lvConversation.ts', 'src/i18n/enVerification.ts', 'src/i18n/lvVerification.ts']);

interface DynamicFamily {
  /** The template as written in the source, up to the interpolation. */
  readonly template: string;
  /** The catalogue keys it builds; the first group is the interpolated value. */
  readonly keys: RegExp;
}

/** Keys built with template literals (where: cards/index.ts, dialogs/*.ts). */
const DYNAMIC_FAMILIES: readonly DynamicFamily[] = [
  // `step.${step.id}.title`, `step.${step.id}.confirm`: the remediation step ids (src/remediation/steps.ts)
  { template: 'step.${', keys: /^step\.(\w+)\.(?:title|confirm)$/ },
  // `cause.${read.cause}`: why Microsoft 365 could not be read (UnavailableCause, src/directory/accountState.ts)
  { template: 'cause.${', keys: /^cause\.(\w+)$/ },
  // `unlock.refused.${found.reason}`: why a typed user query was refused (UserQueryRefusal, src/directory/userQuery.ts)
  { template: 'unlock.refused.${', keys: /^unlock\.refused\.(\w+)$/ },
  // `language.name.${locale}`: the name of each catalogue language (Locale, src/i18n/catalogue.ts)
  { template: 'language.name.${', keys: /^language\.name\.(\w+)$/ },
];

/**
 * Keys no source file uses yet, reported rather than deleted (English is the lead's). Remove a key from here
 * once the source uses it or it leaves the catalogue; the test below fails while a listed key is in use.
 */
const KNOWN_UNUSED: readonly string[] = [];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = SOURCE_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).filter(
  (path) => !CATALOGUE_FILES.has(relative(ROOT, path).split('\\').join('/')),
);
const source = files.map((path) => readFileSync(path, 'utf8')).join('\n');

function quoted(value: string): boolean {
  return [`'${value}'`, `"${value}"`, `\`${value}\``].some((literal) => source.includes(literal));
}

function isUsed(key: string): boolean {
  if (quoted(key)) return true;
  return DYNAMIC_FAMILIES.some((family) => {
    const value = family.keys.exec(key)?.[1];
    return value !== undefined && source.includes(`\`${family.template}`) && quoted(value);
  });
}

describe('catalogue keys in use', () => {
  it('reads the source', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('knows every family of keys the source builds with a template literal', () => {
    const templates = [...source.matchAll(/`([a-z][A-Za-z]*(?:\.[A-Za-z0-9]+)*\.)\$\{/g)].map((m) => `${m[1]}\${`);
    const known = new Set(DYNAMIC_FAMILIES.map((family) => family.template));
    expect([...new Set(templates)].filter((template) => !known.has(template))).toEqual([]);
  });

  it('uses every key of the catalogue', () => {
    const unused = catalogueKeys('en').filter((key) => !isUsed(key));
    expect(unused.filter((key) => !KNOWN_UNUSED.includes(key))).toEqual([]);
  });

  it('lists as known-unused only keys that are in the catalogue and still unused', () => {
    const keys = new Set(catalogueKeys('en'));
    expect(KNOWN_UNUSED.filter((key) => !keys.has(key) || isUsed(key))).toEqual([]);
  });
});
