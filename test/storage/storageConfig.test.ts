/**
 * The storage settings (README "Configuration") and the paging contract of the memory audit log,
 * which the Blob one shares: no store needed.
 */
import { MemoryStorage } from 'botbuilder';
import { StorageAuditLog } from '../../src/adapters/audit/storageAuditLog';
import { ConfigError, loadConfig } from '../../src/host/config';
import type { AuditRecord } from '../../src/domain/audit';
import type { AuditPage } from '../../src/operations/ports';

const APP = { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'x' };
/** As infra/ deploys it: the bot's and Graph's identity is one user-assigned managed identity. */
const TENANT = { ...APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', AZURE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47', HELPDESK_GROUP_ID: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e' };
const AZURITE = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;';

describe('storage settings', () => {
  it.each<[string, Record<string, string>, unknown]>([
    ['nothing set (tests, and code that builds the service itself)', {}, { kind: 'memory' }],
    ['memory', { STORAGE: 'memory' }, { kind: 'memory' }],
    [
      'blob with a connection string',
      { STORAGE: 'blob', STORAGE_CONNECTION_STRING: AZURITE, STORAGE_CONTAINER: 'helpdesk-state' },
      { kind: 'blob', container: 'helpdesk-state', location: { kind: 'connectionString', connectionString: AZURITE } },
    ],
    ['Azurite on its usual port', { STORAGE: 'blob', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, { kind: 'blob', container: 'unlock' }],
    [
      'blob with no account in local mode: an Azurite of its own',
      { STORAGE: 'blob', AZURITE_PORT: '10010' },
      { kind: 'blob', container: 'unlock', location: { kind: 'localEmulator', folder: '.azurite/local', port: 10010 } },
    ],
    [
      'the account URL with a managed identity',
      { ...TENANT, STORAGE: 'blob', STORAGE_ACCOUNT_URL: 'https://stunlock.blob.core.windows.net/', IDENTITY_ENDPOINT: 'http://127.0.0.1:41000/msi', AZURE_CLIENT_ID: 'c' },
      { kind: 'blob', container: 'unlock', location: { kind: 'accountUrl', accountUrl: 'https://stunlock.blob.core.windows.net' } },
    ],
  ])('%s', (_name, env, storage) => {
    expect(loadConfig(env).storage).toMatchObject(storage as object);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a deployment that names no store', { ...APP }, /STORAGE is required with MicrosoftAppId/],
    ['a deployment with blob but no account', { ...APP, STORAGE: 'blob' }, /STORAGE=blob needs STORAGE_ACCOUNT_URL/],
    ['a store kind the bot does not have', { STORAGE: 'cosmos' }, /STORAGE=cosmos: use blob or memory/],
    ['both an account URL and a connection string', { STORAGE: 'blob', STORAGE_CONNECTION_STRING: AZURITE, STORAGE_ACCOUNT_URL: 'https://a.blob.core.windows.net' }, /not both/],
    ['an account URL with no Azure credential', { STORAGE: 'blob', STORAGE_ACCOUNT_URL: 'https://a.blob.core.windows.net' }, /STORAGE_ACCOUNT_URL: No Azure credential/],
    ['an account URL over plain http', { STORAGE: 'blob', STORAGE_ACCOUNT_URL: 'http://a.blob.core.windows.net' }, /STORAGE_ACCOUNT_URL=.*https/],
    ['a container name Azure refuses', { STORAGE: 'blob', STORAGE_CONTAINER: 'Unlock_State' }, /STORAGE_CONTAINER=Unlock_State/],
    ['a port that is not one', { STORAGE: 'blob', AZURITE_PORT: 'ten' }, /AZURITE_PORT=ten/],
  ])('refuses %s, naming the variable', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never repeats a connection string in its error: it may hold the account key', () => {
    expect(() => loadConfig({ STORAGE: 'blob', STORAGE_CONNECTION_STRING: 'AccountKey=c2VjcmV0' })).toThrow(/^(?!.*c2VjcmV0).*not an Azure Storage connection string/);
  });
});

describe('the memory audit log pages as the Blob one does', () => {
  it('newest first, a continuation per page, none after the last', async () => {
    const log = new StorageAuditLog(new MemoryStorage());
    const target = { id: 'user-25', userPrincipalName: 'u@contoso.com', displayName: 'U' };
    for (let i = 0; i < 25; i += 1) {
      const record: AuditRecord = { at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), actionId: `a${i}`, actor: { aadObjectId: 'x' }, place: { conversationId: 'c' }, target, step: 'allowSignIn', outcome: { kind: 'attempted' } };
      await log.append(record);
    }
    const pages: string[][] = [];
    let page: AuditPage | undefined;
    do {
      page = await log.forTarget('user-25', { limit: 10, ...(page?.continuation ? { continuation: page.continuation } : {}) });
      pages.push(page.records.map((record) => record.actionId));
    } while (page.continuation);
    expect(pages.map((ids) => ids.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => `a${24 - i}`));
    expect((await log.forTarget('user-25', 2)).map((record) => record.actionId)).toEqual(['a24', 'a23']);
  });
});
