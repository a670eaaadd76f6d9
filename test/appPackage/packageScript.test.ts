/**
 * `npm run package` without spawning it: the variables it needs and how a bad one is named, the
 * placeholder filling, the refusal of an invalid package, and the zip it writes.
 */
import { join } from 'node:path';
import JSZip from 'jszip';
import {
  AppPackageError,
  fillAppPackage,
  fillPlaceholders,
  readAppPackageSources,
  resolvePackageSettings,
  zipAppPackage,
  type PackageValues,
} from '../../scripts/appPackage';
import { validateAppPackage } from '../../scripts/appPackageValidation';

const BOT_ID = '5b9e2f0c-7d4a-4c1e-9f3b-2a6d8e1c4b70';
const sources = readAppPackageSources(join(__dirname, '..', '..', 'appPackage'));

describe('resolvePackageSettings', () => {
  it('refuses to build without BOT_ID, and says which variable is missing', () => {
    expect(() => resolvePackageSettings({}, '1.0.0')).toThrow(AppPackageError);
    expect(() => resolvePackageSettings({ BOT_ID: '  ' }, '1.0.0')).toThrow(/^BOT_ID is required/);
  });

  it('takes botbuilder\'s MicrosoftAppId when BOT_ID is not set', () => {
    expect(resolvePackageSettings({ MicrosoftAppId: BOT_ID }, '1.0.0').values.BOT_ID).toBe(BOT_ID);
  });

  it('defaults everything else for a trial package, and says what it defaulted', () => {
    const { values, defaulted } = resolvePackageSettings({ BOT_ID }, '0.3.1');
    expect(values).toEqual({
      BOT_ID,
      TEAMS_APP_ID: BOT_ID,
      BOT_DOMAIN: '',
      APP_NAME_SUFFIX: '',
      APP_VERSION: '0.3.1',
      DEVELOPER_NAME: 'Unlock',
      WEBSITE_URL: 'https://www.example.com/unlock',
      PRIVACY_URL: 'https://www.example.com/unlock/privacy',
      TERMS_URL: 'https://www.example.com/unlock/terms',
    });
    expect(defaulted.map((line) => line.split(' ')[0])).toEqual([
      'TEAMS_APP_ID',
      'BOT_DOMAIN',
      'APP_VERSION',
      'DEVELOPER_NAME',
      'WEBSITE_URL',
      'PRIVACY_URL',
      'TERMS_URL',
    ]);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a bot id that is not a GUID', { BOT_ID: 'my-bot' }, /^BOT_ID=my-bot is not a GUID/],
    ['an app id that is not a GUID', { BOT_ID, TEAMS_APP_ID: '42' }, /^TEAMS_APP_ID=42 is not a GUID/],
    ['a domain with a scheme', { BOT_DOMAIN: 'https://unlock.contoso.com' }, /^BOT_DOMAIN=https:\/\/unlock\.contoso\.com must be a host name/],
    ['a privacy page over http', { PRIVACY_URL: 'http://contoso.com/privacy' }, /^PRIVACY_URL=.* must be an https/],
    ['terms that are not a URL', { TERMS_URL: 'terms' }, /^TERMS_URL=terms is not a URL/],
    ['a version Teams does not take', { APP_VERSION: '1.0' }, /^APP_VERSION=1\.0 must be MAJOR\.MINOR\.PATCH/],
  ])('names the variable for %s', (_case, env, message) => {
    expect(() => resolvePackageSettings({ BOT_ID, ...env }, '1.0.0')).toThrow(message);
  });
});

describe('fillPlaceholders', () => {
  const values = resolvePackageSettings({ BOT_ID, DEVELOPER_NAME: 'Contoso "IT"' }, '1.0.0').values;

  it('fills ${{VAR}} with the value escaped for JSON', () => {
    const filled = fillPlaceholders('{"name": "${{DEVELOPER_NAME}}", "id": "${{ BOT_ID }}"}', values, 'x.json');
    expect(JSON.parse(filled)).toEqual({ name: 'Contoso "IT"', id: BOT_ID });
  });

  it('refuses a placeholder that is not a package variable', () => {
    expect(() => fillPlaceholders('{"id": "${{BOT_PASSWORD}}"}', values, 'manifest.json')).toThrow(
      /^manifest\.json uses \$\{\{BOT_PASSWORD\}\}, which is not a package variable/,
    );
  });
});

describe('the package', () => {
  const values: PackageValues = resolvePackageSettings({ BOT_ID, BOT_DOMAIN: 'unlock.contoso.com' }, '1.0.0').values;

  it('has validDomains only when BOT_DOMAIN is set', () => {
    expect(fillAppPackage(sources, values).manifest.validDomains).toEqual(['unlock.contoso.com']);
    expect(fillAppPackage(sources, { ...values, BOT_DOMAIN: '' }).manifest).not.toHaveProperty('validDomains');
  });

  it('is refused when the manifest breaks the schema, with the place named', async () => {
    const filled = fillAppPackage(sources, { ...values, APP_NAME_SUFFIX: ' — a suffix far too long for Teams' });
    const problems = await validateAppPackage(filled);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^manifest\.json: \/name\/short /), expect.stringMatching(/^lv\.json: \/name\.short /)]),
    );
  });

  it('is refused when the icons are swapped', async () => {
    const filled = fillAppPackage(sources, values);
    const swapped = { ...filled, icons: { 'color.png': filled.icons['outline.png'] as Buffer, 'outline.png': filled.icons['color.png'] as Buffer } };
    expect(await validateAppPackage(swapped)).toEqual([
      'color.png is 32×32; Teams wants 192×192.',
      'outline.png is 192×192; Teams wants 32×32.',
    ]);
  });

  it('zips the filled manifest, lv.json and the icons at the root of the archive', async () => {
    const zip = await JSZip.loadAsync(await zipAppPackage(fillAppPackage(sources, values)));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'lv.json', 'manifest.json', 'outline.png']);
    const manifest = (await zip.file('manifest.json')?.async('string')) ?? '';
    expect(manifest).not.toContain('${{');
    expect(JSON.parse(manifest)).toMatchObject({ id: BOT_ID, bots: [{ botId: BOT_ID }] });
    expect(await zip.file('color.png')?.async('nodebuffer')).toEqual(sources.icons['color.png']);
  });
});
