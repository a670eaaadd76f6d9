/**
 * infra/*.bicep, offline: every file parses (tree-sitter Bicep grammar), modules and the parameters
 * file agree with the parameters they feed, and the resources have the properties issue 11 asks for:
 * a user-assigned managed identity as the bot's identity, HTTPS-only Node 20 on Linux with a health
 * check, storage without shared keys with a data role and a lifecycle rule, and outputs the toolkit
 * writes back into env/. What Bicep itself checks (resource types, API versions, property names
 * against Azure's schemas) needs the Bicep CLI, which no npm package ships: see docs/deployment.md.
 */
import { dirname, posix } from 'node:path';
import { Expression, parseBicep, type BicepFile, type Resource, type Value } from './support/bicep';
import { placeholdersIn, projectFileExists, projectFilesUnder, readEnvFile, readProjectFile } from './support/projectFiles';
import { START_FILE } from '../../scripts/bundle';

const files = projectFilesUnder('infra', '.bicep');
const parsed = new Map<string, BicepFile>(files.map((file) => [file, parseBicep(readProjectFile(file))]));
const main = parsed.get('infra/azure.bicep') as BicepFile;
const storage = parsed.get('infra/storage/storage.bicep') as BicepFile;
const bot = parsed.get('infra/botRegistration/azurebot.bicep') as BicepFile;

function resource(file: BicepFile, type: string, name?: string): Resource {
  const found = file.resources.filter((item) => item.type === type && (name === undefined || item.body.name === name));
  expect({ type, name, count: found.length }).toEqual({ type, name, count: 1 });
  return found[0] as Resource;
}

/** Follows a dotted path through literal objects. */
function at(value: Value | undefined, path: string): Value | undefined {
  return path.split('.').reduce<Value | undefined>((current, key) => {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || current instanceof Expression) {
      return undefined;
    }
    return current[key];
  }, value);
}

const text = (value: Value | undefined): string | undefined => (value instanceof Expression ? value.text : undefined);

describe('infra/ Bicep files', () => {
  it('are the three we expect', () => {
    expect(files).toEqual(['infra/azure.bicep', 'infra/botRegistration/azurebot.bicep', 'infra/storage/storage.bicep']);
  });

  it.each(files)('%s parses without a syntax error', (file) => {
    expect(parsed.get(file)?.syntaxErrors).toEqual([]);
  });

  it.each(files)('%s uses dated, non-preview API versions', (file) => {
    const versions = parsed.get(file)?.resources.map((item) => `${item.type}@${item.apiVersion}`) ?? [];
    expect(versions.filter((version) => !/@\d{4}-\d{2}-\d{2}$/.test(version))).toEqual([]);
  });

  it('passes each module exactly the parameters it declares, required ones included', () => {
    for (const module of main.modules) {
      const target = posix.join(dirname('infra/azure.bicep'), module.path);
      const declared = parsed.get(target);
      expect({ module: module.path, exists: projectFileExists(target) && declared !== undefined }).toEqual({
        module: module.path,
        exists: true,
      });
      const given = Object.keys((at(module.body, 'params') as Record<string, Value> | undefined) ?? {});
      const names = declared?.parameters.map((parameter) => parameter.name) ?? [];
      const required = declared?.parameters.filter((parameter) => parameter.defaultValue === undefined).map((p) => p.name) ?? [];
      expect({ module: module.path, unknown: given.filter((name) => !names.includes(name)) }).toEqual({ module: module.path, unknown: [] });
      expect({ module: module.path, missing: required.filter((name) => !given.includes(name)) }).toEqual({ module: module.path, missing: [] });
    }
  });
});

describe('infra/azure.parameters.json against infra/azure.bicep', () => {
  const parameters = JSON.parse(readProjectFile('infra', 'azure.parameters.json')) as {
    parameters: Record<string, { value: unknown }>;
  };
  const names = main.parameters.map((parameter) => parameter.name);

  it('sets only parameters azure.bicep declares, and every one without a default', () => {
    const given = Object.keys(parameters.parameters);
    expect(given.filter((name) => !names.includes(name))).toEqual([]);
    const required = main.parameters.filter((parameter) => parameter.defaultValue === undefined).map((p) => p.name);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });

  it('offers the plan size env/.env.dev asks for', () => {
    const allowed = main.parameters.find((parameter) => parameter.name === 'appServicePlanSku')?.decorators.allowed?.[0];
    expect(allowed).toEqual(expect.arrayContaining(['B1', 'P0v3']));
    expect(allowed).toContain(readEnvFile('.env.dev').values.APP_SERVICE_PLAN_SKU);
  });

  it('rejects an unset HELPDESK_GROUP_ID: the placeholder left in place is not 36 characters long', () => {
    const decorators = main.parameters.find((parameter) => parameter.name === 'helpdeskGroupId')?.decorators;
    expect([decorators?.minLength, decorators?.maxLength]).toEqual([[36], [36]]);
    expect('${{HELPDESK_GROUP_ID}}'.length).not.toBe(36);
  });
});

describe('the bot\'s identity and the Azure Bot', () => {
  it('is a user-assigned managed identity, the Microsoft App ID of a UserAssignedMSI bot', () => {
    resource(main, 'Microsoft.ManagedIdentity/userAssignedIdentities');
    const module = main.modules.find((item) => item.path === 'botRegistration/azurebot.bicep');
    expect(at(module?.body, 'params.identityClientId')).toEqual(new Expression('identity.properties.clientId'));
    expect(at(module?.body, 'params.identityTenantId')).toEqual(new Expression('identity.properties.tenantId'));
    expect(at(module?.body, 'params.identityResourceId')).toEqual(new Expression('identity.id'));

    const service = resource(bot, 'Microsoft.BotService/botServices');
    expect(service.body).toMatchObject({ kind: 'azurebot', location: 'global' });
    expect(at(service.body, 'properties.msaAppType')).toBe('UserAssignedMSI');
    expect(at(service.body, 'properties.msaAppId')).toEqual(new Expression('identityClientId'));
    expect(at(service.body, 'properties.msaAppTenantId')).toEqual(new Expression('identityTenantId'));
    expect(at(service.body, 'properties.msaAppMSIResourceId')).toEqual(new Expression('identityResourceId'));
    expect(text(at(service.body, 'properties.endpoint'))).toBe("'https://${botAppDomain}/api/messages'");
  });

  it('is connected to Microsoft Teams', () => {
    const channel = resource(bot, 'Microsoft.BotService/botServices/channels');
    expect(channel.body).toMatchObject({ name: 'MsTeamsChannel', properties: { channelName: 'MsTeamsChannel' } });
    expect(at(channel.body, 'properties.properties.isEnabled')).toBe(true);
  });
});

describe('the App Service', () => {
  const plan = resource(main, 'Microsoft.Web/serverfarms');
  const site = resource(main, 'Microsoft.Web/sites');
  const settings = new Map(
    ((at(site.body, 'properties.siteConfig.appSettings') as { name: string; value: Value }[] | undefined) ?? []).map(
      (setting) => [setting.name, setting.value],
    ),
  );

  it('is a Linux plan whose instance count is a parameter (1 to 10; two instances share one store)', () => {
    expect(plan.body.kind).toBe('linux');
    expect(at(plan.body, 'properties.reserved')).toBe(true);
    expect(at(plan.body, 'sku.capacity')).toEqual(new Expression('instanceCount'));
    const count = main.parameters.find((parameter) => parameter.name === 'instanceCount');
    expect(count?.decorators).toMatchObject({ minValue: [1], maxValue: [10] });
  });

  it('runs Node 20 LTS over HTTPS only, always on, with the health check on /readyz', () => {
    expect(site.body.kind).toBe('app,linux');
    expect(main.parameters.find((parameter) => parameter.name === 'linuxFxVersion')?.defaultValue).toBe('NODE|20-lts');
    expect(at(site.body, 'properties')).toMatchObject({ httpsOnly: true, clientAffinityEnabled: false });
    expect(at(site.body, 'properties.siteConfig')).toMatchObject({
      alwaysOn: true,
      healthCheckPath: '/readyz',
      minTlsVersion: '1.2',
      scmMinTlsVersion: '1.2',
      ftpsState: 'Disabled',
    });
    expect(at(site.body, 'identity.type')).toBe('UserAssigned');
  });

  it('starts the compiled service directly: the file npm start runs (the launcher of the bundle), built from a source in the repository', () => {
    const command = at(site.body, 'properties.siteConfig.appCommandLine');
    const entry = /^node (dist\/(\S+?)\.js)$/.exec(String(command));
    expect(entry).not.toBeNull();
    expect(projectFileExists(`${entry?.[2]}.ts`)).toBe(true);
    expect(entry?.[1]).toBe(START_FILE);
    const { scripts } = JSON.parse(readProjectFile('package.json')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(new RegExp(`^npm run build && node ${START_FILE.replace(/\./g, '\\.')}$`));
    expect(scripts.build).toMatch(/&& node dist\/scripts\/bundle\.js$/);
  });

  it('gives the bot the settings it reads: managed identity, blob storage, operators, tenants', () => {
    expect(Object.fromEntries([...settings].filter(([, value]) => typeof value === 'string'))).toEqual({
      MicrosoftAppType: 'UserAssignedMSI',
      STORAGE: 'blob',
      PLAYGROUND: 'off',
      NODE_ENV: 'production',
      WEBSITE_RUN_FROM_PACKAGE: '1',
      SCM_DO_BUILD_DURING_DEPLOYMENT: 'false',
    });
    expect(Object.fromEntries([...settings].map(([name, value]) => [name, text(value) ?? value]))).toMatchObject({
      MicrosoftAppId: 'identity.properties.clientId',
      MicrosoftAppTenantId: 'identity.properties.tenantId',
      AZURE_CLIENT_ID: 'identity.properties.clientId',
      AZURE_TENANT_ID: 'identity.properties.tenantId',
      HELPDESK_GROUP_ID: 'helpdeskGroupId',
      ALLOWED_TENANTS: 'allowedTenantsSetting',
      HELPDESK_CHANNEL_IDS: 'helpdeskChannelIdsSetting',
      STORAGE_ACCOUNT_URL: 'storage.outputs.blobEndpoint',
      STORAGE_CONTAINER: 'storage.outputs.containerName',
    });
    expect([...settings.keys()].filter((name) => /SECRET|PASSWORD|CONNECTION_STRING|KEY$/i.test(name))).toEqual([]);
  });

  it('allows no FTP or Kudu password (the toolkit deploys with an Entra token)', () => {
    const policies = main.resources.filter((item) => item.type === 'Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    expect(policies.map((policy) => [policy.body.name, at(policy.body, 'properties.allow')])).toEqual([
      ['ftp', false],
      ['scm', false],
    ]);
  });
});

describe('the storage account', () => {
  const account = resource(storage, 'Microsoft.Storage/storageAccounts');

  it('takes Entra identities only: no shared key, no public blobs, TLS 1.2 and HTTPS', () => {
    expect(account.body.kind).toBe('StorageV2');
    expect(at(account.body, 'properties')).toMatchObject({
      allowSharedKeyAccess: false,
      allowBlobPublicAccess: false,
      minimumTlsVersion: 'TLS1_2',
      supportsHttpsTrafficOnly: true,
    });
    expect(at(resource(storage, 'Microsoft.Storage/storageAccounts/blobServices/containers').body, 'properties.publicAccess')).toBe('None');
  });

  it('makes the bot\'s identity Storage Blob Data Contributor on the account', () => {
    const assignment = resource(storage, 'Microsoft.Authorization/roleAssignments');
    expect(assignment.body.scope).toEqual(new Expression('account'));
    expect(at(assignment.body, 'properties.principalType')).toBe('ServicePrincipal');
    expect(at(assignment.body, 'properties.principalId')).toEqual(new Expression('dataContributorPrincipalId'));
    expect(storage.resources.length).toBeGreaterThan(0);
    expect(readProjectFile('infra', 'storage', 'storage.bicep')).toContain("'ba92f5b4-2d11-453d-a403-e96b0029c9fe'");
    const module = main.modules.find((item) => item.path === 'storage/storage.bicep');
    expect(at(module?.body, 'params.dataContributorPrincipalId')).toEqual(new Expression('identity.properties.principalId'));
  });

  it('deletes card records and claims 30 days after their last change, and keeps the audit trail', () => {
    const policy = resource(storage, 'Microsoft.Storage/storageAccounts/managementPolicies');
    const rules = at(policy.body, 'properties.policy.rules') as Value[];
    expect(rules).toHaveLength(1);
    const rule = rules[0];
    expect(at(rule, 'type')).toBe('Lifecycle');
    expect(at(rule, 'enabled')).toBe(true);
    expect(at(rule, 'definition.actions.baseBlob.delete.daysAfterModificationGreaterThan')).toEqual(
      new Expression('expiringRecordDays'),
    );
    expect(main.parameters.find((parameter) => parameter.name === 'expiringRecordDays')?.defaultValue).toBe(30);

    // The prefixes start with the container; each in the Blob SDK's spelling and BlobsStorage's
    // (which URI-encodes the key, so `cards/x` is stored as the blob `cards%2Fx`).
    expect(at(rule, 'definition.filters.prefixMatch')).toEqual(new Expression('expiringPrefixMatches'));
    const source = readProjectFile('infra', 'storage', 'storage.bicep');
    const prefixes = [...source.matchAll(/'\$\{containerName\}\/([^']+)'/g)].map((match) => match[1]);
    expect(prefixes).toEqual(['cards/', 'cards%2F', 'claims/', 'claims%2F', 'teamsConfirmations/', 'teamsConfirmations%2F', 'limits/', 'limits%2F']);
    expect(prefixes.filter((prefix) => prefix?.startsWith('audit'))).toEqual([]);
  });
});

describe('outputs written back into env/', () => {
  const names = main.outputs.map((output) => output.name);

  it('are upper-case (the toolkit upper-cases them) and include what deploy and the app package need', () => {
    expect(names.filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining([
        'BOT_ID',
        'BOT_DOMAIN',
        'BOT_AZURE_APP_SERVICE_RESOURCE_ID',
        'BOT_IDENTITY_PRINCIPAL_ID',
        'STORAGE_ACCOUNT_URL',
        'STORAGE_CONTAINER',
      ]),
    );
  });

  it('are each declared in env/.env.dev, and every generated variable there has a producer', () => {
    const dev = readEnvFile('.env.dev').values;
    expect(names.filter((name) => !(name in dev))).toEqual([]);
    const inputs = new Set([
      ...placeholdersIn(readProjectFile('infra', 'azure.parameters.json')),
      ...['TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX'],
      ...placeholdersIn(readProjectFile('appPackage', 'manifest.json')),
    ]);
    const written = new Set([...names, 'TEAMS_APP_ID', 'TEAMS_APP_PUBLISHED_APP_ID']);
    expect(Object.keys(dev).filter((name) => !inputs.has(name) && !written.has(name))).toEqual([]);
  });
});
