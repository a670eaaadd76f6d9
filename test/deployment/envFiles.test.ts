/**
 * env/ and the parameters file, offline: every `${{NAME}}` the toolkit fills has a source, nothing in
 * a committed env file is a secret, the local run stays on loopback, and the deployment guide grants
 * every permission README.md says the bot needs.
 */
import {
  placeholdersIn,
  projectFileExists,
  readEnvFile,
  readProjectFile,
  TOOLKIT_GENERATED,
} from './support/projectFiles';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The toolkit's rule for a variable name it writes (envVarName in its YAML schema). */
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

const environments = ['dev', 'local'] as const;

describe.each(environments)('env/.env.%s', (environment) => {
  const env = readEnvFile(`.env.${environment}`);

  it('names its environment and has each variable once, in the toolkit\'s upper-case form', () => {
    expect(env.values.TEAMSFX_ENV).toBe(environment);
    expect(env.keys.filter((key, index) => env.keys.indexOf(key) !== index)).toEqual([]);
    expect(env.keys.filter((key) => !ENV_NAME.test(key))).toEqual([]);
  });

  it('holds no secret: no secret-like variable, no key, signature or token in a value', () => {
    const secretName = /SECRET|PASSWORD|CONNECTION_STRING|ACCOUNT_KEY|SAS_TOKEN/;
    expect(env.keys.filter((key) => secretName.test(key))).toEqual([]);
    const secretValue = /AccountKey=|SharedAccessSignature=|[?&]sig=|^eyJ[\w-]+\.[\w-]+\.|-----BEGIN/;
    expect(Object.entries(env.values).filter(([, value]) => secretValue.test(value))).toEqual([]);
  });

  it('keeps the app name short enough for Teams (30 characters)', () => {
    expect(`Unlock${env.values.APP_NAME_SUFFIX ?? ''}`.length).toBeLessThanOrEqual(30);
  });
});

describe('env/.env.local (the loopback run with the Agents Playground)', () => {
  const { values } = readEnvFile('.env.local');

  it('binds the bot to loopback: without MicrosoftAppId the bot refuses any other host', () => {
    expect(values.HOST).toMatch(/^(127\.0\.0\.1|localhost|::1)$/);
    expect(Number(values.PORT)).toBeGreaterThan(0);
    expect(Number(values.TEAMSAPPTESTER_PORT)).toBeGreaterThan(0);
    expect(['on', 'off']).toContain(values.PLAYGROUND);
  });

  it('names no Bot Framework or Azure identity: the local run is anonymous', () => {
    expect(Object.keys(values).filter((key) => /^(MicrosoftApp|AZURE_|BOT_ID)/.test(key))).toEqual([]);
  });

  it('defines every variable m365agents.local.yml uses, with a value', () => {
    for (const name of placeholdersIn(readProjectFile('m365agents.local.yml'))) {
      expect({ name, value: values[name] ?? '' }).toEqual({ name, value: expect.stringMatching(/\S/) });
    }
  });
});

describe('env/.env.dev (Azure)', () => {
  const { values } = readEnvFile('.env.dev');

  it('declares every variable the toolkit fills in m365agents.yml, the parameters and the app package', () => {
    const templates = [
      'm365agents.yml',
      'infra/azure.parameters.json',
      'appPackage/manifest.json',
      'appPackage/lv.json',
    ];
    for (const file of templates) {
      const undeclared = placeholdersIn(readProjectFile(file)).filter(
        (name) => !(name in values) && !(TOOLKIT_GENERATED as readonly string[]).includes(name),
      );
      expect({ file, undeclared }).toEqual({ file, undeclared: [] });
    }
  });

  it('has well-formed values where they are set', () => {
    const guidOrEmpty = (value = ''): boolean => value === '' || GUID.test(value);
    expect(guidOrEmpty(values.HELPDESK_GROUP_ID)).toBe(true);
    expect((values.ALLOWED_TENANTS ?? '').split(',').filter(Boolean).every((id) => GUID.test(id.trim()))).toBe(true);
    expect(values.APP_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    for (const name of ['WEBSITE_URL', 'PRIVACY_URL', 'TERMS_URL']) {
      expect(new URL(values[name] ?? '').protocol).toBe('https:');
    }
  });

  it('names no Bot Framework password or client secret: the bot runs as a managed identity', () => {
    expect(Object.keys(values).filter((key) => /PASSWORD|CLIENT_SECRET|MicrosoftApp/.test(key))).toEqual([]);
  });
});

describe('infra/azure.parameters.json', () => {
  const text = readProjectFile('infra', 'azure.parameters.json');
  const file = JSON.parse(text) as { $schema: string; contentVersion: string; parameters: Record<string, { value: unknown }> };

  it('is an ARM deployment parameters file whose every parameter has a value', () => {
    expect(file.$schema).toMatch(/^https:\/\/schema\.management\.azure\.com\/schemas\/[\d-]+\/deploymentParameters\.json#$/);
    expect(file.contentVersion).toBe('1.0.0.0');
    expect(Object.values(file.parameters).every((parameter) => 'value' in parameter)).toBe(true);
  });

  it('passes no secret (a secure parameter would land in the deployment history)', () => {
    expect(Object.keys(file.parameters).filter((name) => /secret|password|key$/i.test(name))).toEqual([]);
  });
});

describe('docs/deployment.md', () => {
  const guide = readProjectFile('docs', 'deployment.md');

  it('grants every application permission and Entra role README.md says the bot needs, in both scripts', () => {
    const readme = readProjectFile('README.md');
    const needed = [
      ...new Set(
        [...readme.matchAll(/`([A-Z][A-Za-z]*(?:-[A-Za-z]+)?(?:\.[A-Za-z]+)+)`/g)]
          .map((match) => match[1] ?? '')
          .filter((name) => /\.(All|Directory|Read|ReadWrite|ManageAsApp)$/.test(name)),
      ),
    ];
    expect(needed.length).toBeGreaterThan(5);
    const permission = /[A-Z][A-Za-z]*(?:-[A-Za-z]+)?(?:\.[A-Za-z]+)+/g;
    const powershell = [...guide.matchAll(/^Grant-AppRoles '[\w-]+' @\(([^)]*)\)/gm)].flatMap((match) =>
      [...(match[1] ?? '').matchAll(permission)].map((name) => name[0]),
    );
    const cli = [
      ...[...guide.matchAll(/^for permission in ([^;]*); do/gm)].flatMap((match) =>
        [...(match[1] ?? '').matchAll(permission)].map((name) => name[0]),
      ),
      ...[...guide.matchAll(/^grant [\w-]+ ([\w.-]+)$/gm)].map((match) => match[1] ?? ''),
    ];
    expect(new Set(cli)).toEqual(new Set(powershell));
    const covered = [...guide.matchAll(/it covers `([^`]+)`/g)].map((match) => match[1]);
    expect(needed.filter((name) => !powershell.includes(name) && !covered.includes(name))).toEqual([]);
    for (const role of ['User Administrator', 'Security Administrator']) {
      expect(readme.includes(role) ? guide.includes(role) : true).toBe(true);
    }
  });

  it('names files that exist', () => {
    const named = [...guide.matchAll(/`((?:infra|env|appPackage|docs)\/[\w./-]+|m365agents(?:\.local)?\.yml)`/g)].map(
      (match) => match[1] ?? '',
    );
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((path) => !path.includes('<') && !path.includes('build/') && !projectFileExists(path))).toEqual([]);
  });
});
