/**
 * The Teams app manifest and its Latvian localisation: valid against the official schemas
 * (offline, as @microsoft/app-manifest ships them), every command listed is one the bot
 * understands, and every string a Latvian user sees is translated.
 */
import { join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { COMMANDS, parseCommand } from '../../src/teams/router';
import {
  fillAppPackage,
  PACKAGE_VARIABLES,
  placeholdersIn,
  readAppPackageSources,
  resolvePackageSettings,
  type FilledAppPackage,
} from '../../scripts/appPackage';
import { schemaUrl, shippedSchema, validateAppPackage } from '../../scripts/appPackageValidation';
import { BRAND } from '../../scripts/drawIcons';

const sources = readAppPackageSources(join(__dirname, '..', '..', 'appPackage'));
const sample = resolvePackageSettings(
  {
    BOT_ID: '5b9e2f0c-7d4a-4c1e-9f3b-2a6d8e1c4b70',
    TEAMS_APP_ID: 'c3a1d7e9-2b4f-4a6c-8e0d-1f5b7a9c3e21',
    BOT_DOMAIN: 'unlock.contoso.com',
    APP_NAME_SUFFIX: ' (dev)',
    PRIVACY_URL: 'https://contoso.com/unlock/privacy',
    TERMS_URL: 'https://contoso.com/unlock/terms',
  },
  '1.0.0',
);
const filled: FilledAppPackage = fillAppPackage(sources, sample.values);

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}
const bot = (filled.manifest.bots as { scopes: string[]; commandLists: CommandList[] }[])[0];
const latvian = filled.localizations['lv.json'] ?? {};

/** `{ a: { b: [x] } }` → `{ 'a.b[0]': x }`: the key format of Teams localisation files. */
function flatten(node: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (Array.isArray(node)) {
    node.forEach((item, index) => flatten(item, `${path}[${index}]`, out));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, path ? `${path}.${key}` : key, out);
    }
  } else {
    out[path] = node;
  }
  return out;
}

/** The manifest strings the localisation schema lets a language file replace, by key. */
function localisableStrings(): Record<string, string> {
  const schema = shippedSchema(filled.manifest.manifestVersion ?? '', 'MicrosoftTeams.Localization.schema.json') as {
    properties: Record<string, unknown>;
    patternProperties: Record<string, unknown>;
  };
  const names = Object.keys(schema.properties).filter((name) => name !== '$schema' && name !== 'localizationKeys');
  const patterns = Object.keys(schema.patternProperties).map((pattern) => new RegExp(pattern));
  return Object.fromEntries(
    Object.entries(flatten(filled.manifest)).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && (names.includes(entry[0]) || patterns.some((pattern) => pattern.test(entry[0]))),
    ),
  );
}

describe('the Teams app manifest', () => {
  it('validates against the official schema of its version, filled with sample values', async () => {
    expect(await validateAppPackage(filled)).toEqual([]);
  });

  it('names its schema on developer.microsoft.com, matching manifestVersion', () => {
    expect(filled.manifest.$schema).toBe(schemaUrl(filled.manifest.manifestVersion ?? '', 'MicrosoftTeams.schema.json'));
    expect(Number(filled.manifest.manifestVersion)).toBeGreaterThanOrEqual(1.24);
  });

  it('uses only the package variables as placeholders, and BOT_ID for the bot', () => {
    const used = [sources.manifest, ...Object.values(sources.localizations)].flatMap(placeholdersIn);
    expect(PACKAGE_VARIABLES).toEqual(expect.arrayContaining(used));
    expect(JSON.parse(sources.manifest).bots[0].botId).toBe('${{BOT_ID}}');
    expect(JSON.stringify(filled)).not.toContain('${{');
  });

  it('is a conversational bot in personal chats, teams and group chats that takes no files', () => {
    expect(bot).toMatchObject({ scopes: ['personal', 'team', 'groupChat'], supportsFiles: false });
    expect(bot?.commandLists.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
  });

  it.each(['personal', 'team', 'groupChat'])('lists exactly the commands the bot handles in %s', (scope) => {
    const list = bot?.commandLists.find((candidate) => candidate.scopes.includes(scope));
    expect(list?.commands.map((command) => command.title)).toEqual([...COMMANDS]);
    for (const command of list?.commands ?? []) {
      expect(command.description?.length).toBeGreaterThan(10);
    }
  });

  it('lists only commands the bot understands: each title parses to a command, not free text', () => {
    const titles = bot?.commandLists.flatMap((list) => list.commands.map((command) => command.title)) ?? [];
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) {
      expect([title, parseCommand(title).kind]).not.toEqual([title, 'text']);
    }
  });

  it('uses the brand colour of the icons as its accent colour', () => {
    const hex = `#${BRAND.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
    expect(String(filled.manifest.accentColor).toLowerCase()).toBe(hex);
  });
});

describe('the Latvian localisation (lv.json)', () => {
  it('is the additional language lv, with English as the default', () => {
    expect(filled.manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'lv', file: 'lv.json' }],
    });
  });

  it('validates against the localisation schema', async () => {
    const version = filled.manifest.manifestVersion ?? '';
    expect(latvian.$schema).toBe(schemaUrl(version, 'MicrosoftTeams.Localization.schema.json'));
    const schema = shippedSchema(version, 'MicrosoftTeams.Localization.schema.json');
    expect(await AppManifestUtils.validateAgainstSchema(latvian as unknown as AppManifest, schema as never)).toEqual([]);
  });

  it('has every localisable string of the manifest, and nothing else', () => {
    const english = localisableStrings();
    expect(Object.keys(english)).toEqual(expect.arrayContaining(['name.short', 'name.full', 'description.short', 'description.full']));
    expect(Object.keys(english).filter((key) => key.includes('commands')).length).toBe(2 * 3 * COMMANDS.length);
    expect(Object.keys(latvian).filter((key) => key !== '$schema').sort()).toEqual(Object.keys(english).sort());
  });

  it('translates every string except the product name and the command words', () => {
    const english = localisableStrings();
    for (const [key, text] of Object.entries(english)) {
      const isWord = key === 'name.short' || key.endsWith('.title');
      expect([key, latvian[key] === text]).toEqual([key, isWord]);
    }
  });

  it('keeps command titles the bot understands: Teams sends the title as the message', () => {
    for (const [key, title] of Object.entries(latvian)) {
      if (key.endsWith('.title')) {
        expect([key, parseCommand(String(title)).kind]).not.toEqual([key, 'text']);
      }
    }
  });

  it('uses the Microsoft 365 admin center words for the fixes', () => {
    const text = Object.values(latvian).join('\n');
    for (const word of ['atiestatīt paroli', 'pierakstīšan', 'bloķēt', 'Palīdzība']) {
      expect(text).toContain(word);
    }
  });
});
