/**
 * m365agents.yml and m365agents.local.yml, offline: valid YAML, valid against our focused schema of
 * the toolkit actions they use (m365agents.focused.schema.json), and wired together: the schema line
 * names the file's version, the paths exist, provision builds the package before it updates the app,
 * and deploy ships the folder it staged to the web app provision created.
 */
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import focusedSchema from './m365agents.focused.schema.json';
import { projectFileExists, readProjectFile } from './support/projectFiles';

interface Action {
  readonly uses: string;
  readonly name?: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}

interface ProjectYaml {
  readonly version: string;
  readonly environmentFolderPath?: string;
  readonly provision?: Action[];
  readonly deploy?: Action[];
  readonly publish?: Action[];
}

const files = ['m365agents.yml', 'm365agents.local.yml'] as const;

function load(file: string): { text: string; yaml: ProjectYaml } {
  const text = readProjectFile(file);
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  expect({ file, errors: document.errors.map(String), warnings: document.warnings.map(String) }).toEqual({
    file,
    errors: [],
    warnings: [],
  });
  return { text, yaml: document.toJS() as ProjectYaml };
}

const validate = new Ajv({ allErrors: true, strict: true }).compile(focusedSchema);

const uses = (actions: readonly Action[] | undefined): string[] => (actions ?? []).map((action) => action.uses);
const withOf = (action: Action | undefined): Record<string, unknown> => action?.with ?? {};
const only = (actions: readonly Action[] | undefined, name: string): Action => {
  const found = (actions ?? []).filter((action) => action.uses === name);
  expect({ name, count: found.length }).toEqual({ name, count: 1 });
  return found[0] as Action;
};

describe.each(files)('%s', (file) => {
  const { text, yaml } = load(file);

  it('matches our focused schema of the toolkit actions it uses', () => {
    const valid = validate(yaml);
    expect(valid ? [] : validate.errors).toEqual([]);
  });

  it('starts with the schema line of the toolkit version it declares', () => {
    const first = text.split('\n')[0];
    expect(first).toBe(`# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${yaml.version}/yaml.schema.json`);
    expect(yaml.environmentFolderPath).toBe('./env');
  });

  it('names only paths that exist (generated build output aside)', () => {
    const paths: string[] = [];
    for (const action of [...(yaml.provision ?? []), ...(yaml.deploy ?? []), ...(yaml.publish ?? [])]) {
      const parameters = withOf(action);
      for (const key of ['manifestPath', 'path', 'parameters']) {
        const path = parameters[key];
        if (typeof path === 'string') {
          paths.push(path);
        }
      }
      for (const template of (parameters.templates as { path: string; parameters?: string }[] | undefined) ?? []) {
        paths.push(template.path, ...(template.parameters ? [template.parameters] : []));
      }
      const script = typeof parameters.run === 'string' ? /^node\s+(\S+)/.exec(parameters.run)?.[1] : undefined;
      if (script) {
        paths.push(script);
      }
    }
    expect(paths.filter((path) => !projectFileExists(path))).toEqual([]);
  });
});

describe('m365agents.yml (Azure)', () => {
  const { yaml } = load('m365agents.yml');

  it('provisions in the toolkit\'s order: the app, the Azure resources, then the package checked and applied', () => {
    expect(uses(yaml.provision)).toEqual([
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(only(yaml.provision, 'teamsApp/create').writeToEnvironmentFile).toEqual({ teamsAppId: 'TEAMS_APP_ID' });
    const arm = withOf(only(yaml.provision, 'arm/deploy'));
    expect(arm.subscriptionId).toBe('${{AZURE_SUBSCRIPTION_ID}}');
    expect(arm.resourceGroupName).toBe('${{AZURE_RESOURCE_GROUP_NAME}}');
    expect(arm.templates).toEqual([
      expect.objectContaining({ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }),
    ]);
  });

  it('zips, validates and applies one package per environment, in provision and publish alike', () => {
    for (const stage of [yaml.provision, yaml.publish]) {
      const zip = withOf(only(stage, 'teamsApp/zipAppPackage'));
      expect(zip).toEqual({
        manifestPath: './appPackage/manifest.json',
        outputZipPath: './appPackage/build/appPackage.${{TEAMSFX_ENV}}.zip',
        outputFolder: './appPackage/build',
      });
      expect(withOf(only(stage, 'teamsApp/validateAppPackage')).appPackagePath).toBe(zip.outputZipPath);
      expect(withOf(only(stage, 'teamsApp/update')).appPackagePath).toBe(zip.outputZipPath);
    }
    expect(uses(yaml.publish).at(-1)).toBe('teamsApp/publishAppPackage');
  });

  it('deploys the staged service with production dependencies only, to the web app provision made', () => {
    const deploy = yaml.deploy ?? [];
    expect(uses(deploy)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'script',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    const [install, build, stage, productionInstall, zipDeploy] = deploy.map(withOf);
    expect(install?.args).toMatch(/^ci\b/);
    expect(build?.args).toBe('run build');
    const staged = /^node \.\/infra\/deploy\/stageApp\.mjs (\S+)$/.exec(String(stage?.run))?.[1];
    expect(staged).toBeDefined();
    expect(productionInstall).toEqual({ workingDirectory: staged, args: expect.stringMatching(/^ci --omit=dev\b/) });
    expect(zipDeploy).toEqual({ artifactFolder: staged, resourceId: '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}' });
  });
});

describe('m365agents.local.yml (loopback, Agents Playground)', () => {
  const { yaml } = load('m365agents.local.yml');

  it('provisions nothing: no tunnel, no Azure Bot and no Teams app registration for the Playground', () => {
    expect(yaml.provision).toBeUndefined();
    expect(yaml.publish).toBeUndefined();
  });

  it('installs the dependencies and writes the local settings where the toolkit\'s local tasks read them', () => {
    expect(uses(yaml.deploy)).toEqual(['cli/runNpmCommand', 'file/createOrUpdateEnvironmentFile']);
    const settings = withOf(only(yaml.deploy, 'file/createOrUpdateEnvironmentFile'));
    expect(settings.target).toBe('./.localConfigs');
    expect(Object.keys(settings.envs as object)).toEqual(['PORT', 'HOST', 'PLAYGROUND', 'TEAMSAPPTESTER_PORT']);
  });
});
