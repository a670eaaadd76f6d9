/**
 * The configuration contract (DESIGN.md): environment variables in, a validated `Config` out.
 * A bad value stops start-up with a message naming the variable; nothing falls back silently.
 */
import { chooseCredential, CredentialConfigurationError, isLoopbackUrl, type CredentialChoice } from '../adapters/graph/credentials';
import type { BlobLocation } from '../adapters/storage/blobContainer';
import type { LimitSetting, LimitSettings } from '../operations/writeLimits';
import { STEPS } from '../steps/registry';
import type { RateLimit } from '../steps/step';

export class ConfigError extends Error {}

export type BotAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface BotIdentity {
  readonly appId: string;
  readonly appPassword?: string;
  readonly appTenantId?: string;
  readonly appType: BotAppType;
}

/** Where Graph and Exchange calls go: the in-process simulated tenant, or real (or Graph-faithful) endpoints. */
export type TenantConnection =
  | { readonly mode: 'simulated' }
  | {
      readonly mode: 'endpoint';
      readonly graphEndpoint: string;
      readonly exchangeEndpoint: string;
      readonly tenantId: string;
      readonly helpdeskGroupId: string;
      readonly credential: CredentialChoice;
    };

/** Where the blob container is: an account (by connection string or URL), or Azurite started for a local run. */
export type StorageLocation = BlobLocation | { readonly kind: 'localEmulator'; readonly folder: string; readonly port: number };

export type StorageConfig =
  | { readonly kind: 'memory' }
  | { readonly kind: 'blob'; readonly container: string; readonly location: StorageLocation };

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absent: anonymous local mode (no Bot Framework token checked), allowed only on loopback. */
  readonly bot?: BotIdentity;
  readonly tenant: TenantConnection;
  /** Tenant ids whose activities are served; empty means "the tenant the bot works in". */
  readonly allowedTenants: readonly string[];
  /** Teams channel ids where account details may be shown to the helpdesk team. */
  readonly helpdeskChannelIds: readonly string[];
  /** Groups whose members Unlock never changes (executives, service accounts), besides the helpdesk group. */
  readonly protectedGroupIds: readonly string[];
  /** Every directory role holder is out of reach (default), or only those Entra keeps from a User Administrator. */
  readonly protectAllRoleHolders: boolean;
  readonly storage: StorageConfig;
  /** A findings card older than this asks for a fresh check instead of acting. */
  readonly cardMaxAgeMinutes: number;
  /** `HELP_REQUEST_REMINDER_MINUTES`: an open request nobody took is reposted this often (0: never). */
  readonly helpRequestReminderMinutes: number;
  /** Whom an end user is told to contact when no help-request channel is set (`HELP_CONTACT`); a default sentence when absent. */
  readonly helpContact?: string;
  /** Limits on sensitive writes, by step id, where `LIMIT_<NAME>_PER_OPERATOR` / `_PER_TARGET` change a step's defaults. */
  readonly writeLimits: LimitSettings;
  /** The Teams app's id in the tenant's app catalog, for installing Unlock for a user to ask them in Teams (`TEAMS_APP_CATALOG_ID`). */
  readonly teamsAppCatalogId?: string;
  readonly playground: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES: readonly BotAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
/** Entra object and tenant ids; the Agents Playground's ids have a longer last group, so allow 12–13 digits. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/i;

export function loadConfig(env: Env): Config {
  const port = integer(env, 'PORT', 3978, 0, 65535);
  const bot = botIdentity(env);
  const host = value(env, 'HOST') ?? (bot ? '0.0.0.0' : '127.0.0.1');
  if (!bot && !isLoopbackHost(host)) {
    throw new ConfigError(
      `HOST=${host}: without MicrosoftAppId the bot runs in anonymous local mode and must listen on loopback only ` +
        '(127.0.0.1). Set MicrosoftAppId and MicrosoftAppPassword to serve other hosts.',
    );
  }
  const tenant = tenantConnection(env);
  if (!bot && tenant.mode === 'endpoint' && !isLoopbackUrl(tenant.graphEndpoint)) {
    // Anonymous mode takes unsigned activities: anyone on this machine could act as an operator.
    throw new ConfigError(
      'MicrosoftAppId is required with a real tenant: without it the bot accepts unsigned activities, which is ' +
        'only safe against the simulated tenant or another loopback GRAPH_ENDPOINT.',
    );
  }
  const allowedTenants = list(env, 'ALLOWED_TENANTS');
  for (const id of allowedTenants) {
    if (!ID.test(id)) {
      throw new ConfigError(`ALLOWED_TENANTS: "${id}" is not a tenant id (a GUID).`);
    }
  }
  // Teams names the tenant by its GUID; a domain in AZURE_TENANT_ID would match no activity at all.
  if (allowedTenants.length === 0 && tenant.mode === 'endpoint' && !ID.test(tenant.tenantId)) {
    throw new ConfigError(
      `ALLOWED_TENANTS is required when AZURE_TENANT_ID (${tenant.tenantId}) is not the tenant's GUID: ` +
        'Teams identifies the tenant by its id, so set ALLOWED_TENANTS to it.',
    );
  }
  const storage = storageConfig(env, Boolean(bot));
  const logLevel = value(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL=${logLevel}: use one of ${LOG_LEVELS.join(', ')}.`);
  }
  return {
    port,
    host,
    ...(bot ? { bot } : {}),
    tenant,
    allowedTenants,
    helpdeskChannelIds: list(env, 'HELPDESK_CHANNEL_IDS'),
    protectedGroupIds: protectedGroups(env),
    protectAllRoleHolders: onOff(env, 'PROTECT_ALL_ROLE_HOLDERS', true),
    storage,
    cardMaxAgeMinutes: integer(env, 'CARD_MAX_AGE_MINUTES', 15, 1, 24 * 60),
    helpRequestReminderMinutes: integer(env, 'HELP_REQUEST_REMINDER_MINUTES', 30, 0, 7 * 24 * 60),
    ...helpContact(env),
    writeLimits: writeLimits(env),
    ...teamsAppCatalogId(env),
    playground: onOff(env, 'PLAYGROUND', true),
    logLevel: logLevel as Config['logLevel'],
  };
}

/** `HELP_CONTACT`: shown to people as written, so kept to a sentence. */
function helpContact(env: Env): { helpContact?: string } {
  const contact = value(env, 'HELP_CONTACT');
  if (contact === undefined) return {};
  if (contact.length > 300) {
    throw new ConfigError(`HELP_CONTACT is ${contact.length} characters: keep it to a sentence (at most 300), such as "the IT helpdesk, +371 6700 0000".`);
  }
  return { helpContact: contact };
}

/**
 * `LIMIT_RESET_PASSWORD_PER_OPERATOR=5/15m`, `LIMIT_RESET_PASSWORD_PER_TARGET=2/1h`, … for every step
 * with limits (its `limits.name`): how many in how long (`m` minutes, `h` hours), or `off`. Unset, the
 * step's own default holds (README "Limits and alerts").
 */
function writeLimits(env: Env): LimitSettings {
  const settings: Record<string, LimitSetting> = {};
  for (const step of STEPS) {
    if (step.kind !== 'write' || !('limits' in step) || !step.limits) continue;
    const perOperator = rateLimit(env, `LIMIT_${step.limits.name}_PER_OPERATOR`);
    const perTarget = rateLimit(env, `LIMIT_${step.limits.name}_PER_TARGET`);
    if (perOperator || perTarget) {
      settings[step.id] = { ...(perOperator ? { perOperator } : {}), ...(perTarget ? { perTarget } : {}) };
    }
  }
  return settings;
}

function rateLimit(env: Env, name: string): RateLimit | 'off' | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  if (raw.toLowerCase() === 'off') return 'off';
  const match = /^(\d{1,4})\s*\/\s*(\d{1,4})\s*(m|min|h)$/i.exec(raw);
  const max = Number(match?.[1]);
  const windowMinutes = Number(match?.[2]) * ((match?.[3] ?? '').toLowerCase() === 'h' ? 60 : 1);
  if (!match || max < 1 || windowMinutes < 1 || windowMinutes > 7 * 24 * 60) {
    throw new ConfigError(`${name}=${raw}: write how many in how long, such as 5/15m or 2/1h (at most 7 days), or off.`);
  }
  return { max, windowMinutes };
}

/** `TEAMS_APP_CATALOG_ID`: the app's id in the tenant's catalog (not the manifest id), a GUID. */
function teamsAppCatalogId(env: Env): { teamsAppCatalogId?: string } {
  const id = value(env, 'TEAMS_APP_CATALOG_ID');
  if (id === undefined) return {};
  if (!ID.test(id)) {
    throw new ConfigError(`TEAMS_APP_CATALOG_ID=${id.slice(0, 64)}: the app's id in the Teams app catalog (GET /appCatalogs/teamsApps?$filter=externalId eq '<manifest id>'), a GUID.`);
  }
  return { teamsAppCatalogId: id };
}

/**
 * `STORAGE=blob` with a connection string (Azurite, or an account that allows keys) or with the
 * account URL and the Azure credential (a managed identity: no key); in local mode with neither,
 * on an Azurite the process starts (`npm start` defaults to this, see index.ts). `memory` keeps
 * everything in this process only. With a Bot Framework identity the choice must be made: a
 * deployment that silently kept state in memory would forget it on every restart.
 */
function storageConfig(env: Env, deployed: boolean): StorageConfig {
  const kind = value(env, 'STORAGE');
  if (kind === undefined && deployed) {
    throw new ConfigError(
      'STORAGE is required with MicrosoftAppId: set STORAGE=blob with STORAGE_ACCOUNT_URL (or STORAGE_CONNECTION_STRING) ' +
        'and STORAGE_CONTAINER, or STORAGE=memory for a single instance that may forget everything on restart.',
    );
  }
  if (kind === undefined || kind === 'memory') {
    return { kind: 'memory' };
  }
  if (kind !== 'blob') {
    throw new ConfigError(`STORAGE=${kind}: use blob or memory.`);
  }
  const container = value(env, 'STORAGE_CONTAINER') ?? 'unlock';
  // https://learn.microsoft.com/en-us/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
    throw new ConfigError(`STORAGE_CONTAINER=${container}: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.`);
  }
  const connectionString = value(env, 'STORAGE_CONNECTION_STRING');
  const accountUrl = url(env, 'STORAGE_ACCOUNT_URL');
  if (connectionString && accountUrl) {
    throw new ConfigError('Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both.');
  }
  if (connectionString) {
    // Never echoed: it may hold the account key.
    if (!/(^|;)\s*(BlobEndpoint|AccountName|UseDevelopmentStorage)\s*=/i.test(connectionString)) {
      throw new ConfigError('STORAGE_CONNECTION_STRING is not an Azure Storage connection string (no AccountName, BlobEndpoint or UseDevelopmentStorage).');
    }
    return { kind: 'blob', container, location: { kind: 'connectionString', connectionString } };
  }
  if (accountUrl) {
    let credential: CredentialChoice;
    try {
      credential = chooseCredential(env, [accountUrl]);
    } catch (error) {
      throw error instanceof CredentialConfigurationError ? new ConfigError(`STORAGE_ACCOUNT_URL: ${error.message}`) : error;
    }
    if (credential.kind === 'development') {
      throw new ConfigError(
        'STORAGE_ACCOUNT_URL needs an Azure credential (a managed identity, or AZURE_CLIENT_ID with AZURE_CLIENT_SECRET); ' +
          'for Azurite use STORAGE_CONNECTION_STRING.',
      );
    }
    return { kind: 'blob', container, location: { kind: 'accountUrl', accountUrl, credential: credential.credential } };
  }
  if (deployed) {
    throw new ConfigError('STORAGE=blob needs STORAGE_ACCOUNT_URL (with the managed identity) or STORAGE_CONNECTION_STRING.');
  }
  return {
    kind: 'blob',
    container,
    location: { kind: 'localEmulator', folder: value(env, 'AZURITE_LOCATION') ?? '.azurite/local', port: integer(env, 'AZURITE_PORT', 0, 0, 65535) },
  };
}

function botIdentity(env: Env): BotIdentity | undefined {
  const appId = value(env, 'MicrosoftAppId');
  if (!appId) {
    return undefined;
  }
  if (!ID.test(appId)) {
    throw new ConfigError(`MicrosoftAppId: "${appId}" is not an app (client) id.`);
  }
  const appType = value(env, 'MicrosoftAppType') ?? 'MultiTenant';
  if (!(APP_TYPES as readonly string[]).includes(appType)) {
    throw new ConfigError(`MicrosoftAppType=${appType}: use one of ${APP_TYPES.join(', ')}.`);
  }
  const appPassword = value(env, 'MicrosoftAppPassword');
  const appTenantId = value(env, 'MicrosoftAppTenantId');
  if (appType !== 'UserAssignedMSI' && !appPassword) {
    throw new ConfigError('MicrosoftAppPassword is required when MicrosoftAppId is set.');
  }
  if (appType !== 'MultiTenant' && !appTenantId) {
    throw new ConfigError(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}.`);
  }
  return {
    appId,
    appType: appType as BotAppType,
    ...(appPassword ? { appPassword } : {}),
    ...(appTenantId ? { appTenantId } : {}),
  };
}

function tenantConnection(env: Env): TenantConnection {
  const graphEndpoint = url(env, 'GRAPH_ENDPOINT');
  const hasCredential = Boolean(
    env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH || env.IDENTITY_ENDPOINT || env.MSI_ENDPOINT,
  );
  if (!graphEndpoint && !hasCredential) {
    return { mode: 'simulated' };
  }
  const graph = graphEndpoint ?? 'https://graph.microsoft.com';
  const exchange = url(env, 'EXCHANGE_ENDPOINT') ?? (isLoopbackUrl(graph) ? graph : 'https://outlook.office365.com');
  let credential: CredentialChoice;
  try {
    credential = chooseCredential(env, [graph, exchange]);
  } catch (error) {
    if (error instanceof CredentialConfigurationError) {
      throw new ConfigError(`GRAPH_ENDPOINT/EXCHANGE_ENDPOINT: ${error.message}`);
    }
    throw error;
  }
  const tenantId = value(env, 'AZURE_TENANT_ID');
  if (!tenantId) {
    throw new ConfigError('AZURE_TENANT_ID is required to call Graph and Exchange Online for a tenant.');
  }
  const helpdeskGroupId = value(env, 'HELPDESK_GROUP_ID');
  if (!helpdeskGroupId || !ID.test(helpdeskGroupId)) {
    throw new ConfigError('HELPDESK_GROUP_ID must be the object id of the Entra group whose members are operators.');
  }
  return { mode: 'endpoint', graphEndpoint: graph, exchangeEndpoint: exchange, tenantId, helpdeskGroupId, credential };
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) {
    return fallback;
  }
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(`${name}=${raw}: expected a whole number from ${min} to ${max}.`);
  }
  return parsed;
}

function url(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) {
    return undefined;
  }
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackUrl(raw))) {
      throw new ConfigError(`${name}=${raw}: use https (plain http only for a loopback address).`);
    }
    return raw.replace(/\/+$/, '');
  } catch (error) {
    if (error instanceof ConfigError) {
      throw error;
    }
    throw new ConfigError(`${name}=${raw}: not a URL.`);
  }
}

/** `checkMemberGroups` takes 20 ids and the helpdesk group is one of them. */
const MAX_PROTECTED_GROUPS = 19;

function protectedGroups(env: Env): string[] {
  const ids = list(env, 'PROTECTED_GROUP_IDS');
  const wrong = ids.find((id) => !ID.test(id));
  if (wrong !== undefined) {
    throw new ConfigError(`PROTECTED_GROUP_IDS must be Entra group object ids, separated by commas; '${wrong.slice(0, 64)}' is not one.`);
  }
  if (ids.length > MAX_PROTECTED_GROUPS) {
    throw new ConfigError(`PROTECTED_GROUP_IDS takes at most ${MAX_PROTECTED_GROUPS} groups (Graph checks 20 at once, one is the helpdesk group); nest the others in one of them.`);
  }
  return ids;
}

function list(env: Env, name: string): string[] {
  return (value(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = value(env, name)?.toLowerCase();
  if (raw === undefined) {
    return fallback;
  }
  if (['on', 'true', '1', 'yes'].includes(raw)) {
    return true;
  }
  if (['off', 'false', '0', 'no'].includes(raw)) {
    return false;
  }
  throw new ConfigError(`${name}=${raw}: use on or off.`);
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
