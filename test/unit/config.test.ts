/** The configuration contract: each variable validated, and a bad value named in the error. */
import { ConfigError, loadConfig } from '../../src/host/config';

describe('loadConfig', () => {
  it('with nothing set, runs anonymously on loopback against the simulated tenant', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      tenant: { mode: 'simulated' },
      allowedTenants: [],
      storage: { kind: 'memory' },
      cardMaxAgeMinutes: 15,
      playground: true,
      logLevel: 'info',
    });
    expect(loadConfig({}).bot).toBeUndefined();
  });

  it('uses a loopback GRAPH_ENDPOINT without a credential with a development token', () => {
    const config = loadConfig({ GRAPH_ENDPOINT: 'http://127.0.0.1:53000', AZURE_TENANT_ID: '00000000-0000-0000-0000-0000000000001', HELPDESK_GROUP_ID: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e' });
    expect(config.tenant).toMatchObject({ mode: 'endpoint', graphEndpoint: 'http://127.0.0.1:53000', exchangeEndpoint: 'http://127.0.0.1:53000' });
    expect(config.tenant.mode === 'endpoint' && config.tenant.credential.kind).toBe('development');
  });

  it('uses the client secret from the standard AZURE_* variables for the real Graph', () => {
    const config = loadConfig({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'bot-secret',
      AZURE_TENANT_ID: 'contoso.onmicrosoft.com',
      ALLOWED_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      AZURE_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      AZURE_CLIENT_SECRET: 'secret',
      HELPDESK_GROUP_ID: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e',
      STORAGE: 'memory',
    });
    expect(config.tenant).toMatchObject({ mode: 'endpoint', graphEndpoint: 'https://graph.microsoft.com', exchangeEndpoint: 'https://outlook.office365.com' });
    expect(config.tenant.mode === 'endpoint' && config.tenant.credential.kind).toBe('clientSecret');
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a remote endpoint without a credential', { GRAPH_ENDPOINT: 'https://graph.example.com', AZURE_TENANT_ID: 't' }, /No Azure credential/],
    ['plain http to a remote host', { GRAPH_ENDPOINT: 'http://graph.example.com' }, /GRAPH_ENDPOINT.*https/],
    ['a port that is not a number', { PORT: 'eighty' }, /^PORT=eighty/],
    ['anonymous mode on a public address', { HOST: '0.0.0.0' }, /HOST=0\.0\.0\.0.*loopback/],
    ['an app id without a password', { MicrosoftAppId: '11111111-2222-3333-4444-555555555555' }, /MicrosoftAppPassword is required/],
    ['an app id that is not one', { MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 'x' }, /MicrosoftAppId/],
    ['a tenant allow-list entry that is not a GUID', { ALLOWED_TENANTS: 'contoso' }, /ALLOWED_TENANTS/],
    ['a storage the bot does not have', { STORAGE: 'cosmos' }, /STORAGE=cosmos/],
    ['a tenant without the helpdesk group', { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x', AZURE_TENANT_ID: 't', AZURE_CLIENT_SECRET: 's', AZURE_CLIENT_ID: 'c' }, /HELPDESK_GROUP_ID/],
    ['PLAYGROUND neither on nor off', { PLAYGROUND: 'maybe' }, /PLAYGROUND=maybe/],
    [
      'anonymous mode with a real tenant',
      { AZURE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47', AZURE_CLIENT_SECRET: 's', AZURE_CLIENT_ID: 'c', HELPDESK_GROUP_ID: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e' },
      /MicrosoftAppId is required with a real tenant/,
    ],
    [
      'a tenant named by domain with no tenant id to allow',
      { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x', AZURE_TENANT_ID: 'contoso.onmicrosoft.com', AZURE_CLIENT_SECRET: 's', AZURE_CLIENT_ID: 'c', HELPDESK_GROUP_ID: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e' },
      /ALLOWED_TENANTS is required/,
    ],
    ['a card age of zero', { CARD_MAX_AGE_MINUTES: '0' }, /CARD_MAX_AGE_MINUTES=0/],
    ['a protected group that is not an id', { PROTECTED_GROUP_IDS: 'Executives' }, /PROTECTED_GROUP_IDS.*'Executives'/],
    ['more protected groups than Graph checks at once', { PROTECTED_GROUP_IDS: Array.from({ length: 20 }, (_, i) => `b5e5a31e-9093-4d19-ba02-${String(i).padStart(12, '0')}`).join(',') }, /at most 19/],
    ['PROTECT_ALL_ROLE_HOLDERS neither on nor off', { PROTECT_ALL_ROLE_HOLDERS: 'some' }, /PROTECT_ALL_ROLE_HOLDERS=some/],
  ])('refuses %s, naming the variable', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('protects every role holder by default, and the configured groups', () => {
    expect(loadConfig({}).protectAllRoleHolders).toBe(true);
    expect(loadConfig({ PROTECT_ALL_ROLE_HOLDERS: 'false' }).protectAllRoleHolders).toBe(false);
    expect(loadConfig({ PROTECTED_GROUP_IDS: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e, 6c0f3e2a-5b7d-4e19-9a84-2f1d7c3b9e50' }).protectedGroupIds).toEqual([
      'b5e5a31e-9093-4d19-ba02-011a478ebd5e',
      '6c0f3e2a-5b7d-4e19-9a84-2f1d7c3b9e50',
    ]);
  });

  it('binds every interface by default once the bot has a Bot Framework identity', () => {
    const config = loadConfig({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x', STORAGE: 'memory' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.bot).toMatchObject({ appType: 'MultiTenant' });
  });
});
