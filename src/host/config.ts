/**
 * The configuration contract (DESIGN.md): environment variables in, a validated `Config` out.
 * A bad value stops start-up with a message naming the variable; nothing falls back silently.
 */
import { chooseCredential, CredentialConfigurationError, isLoopbackUrl, type CredentialChoice } from '../adapters/graph/credentials';

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
  readonly storage: 'memory';
  /** A findings card older than this asks for a fresh check instead of acting. */
  readonly cardMaxAgeMinutes: number;
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
  const storage = value(env, 'STORAGE') ?? 'memory';
  if (storage !== 'memory') {
    throw new ConfigError(`STORAGE=${storage}: only "memory" is supported in this version.`);
  }
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
    storage,
    cardMaxAgeMinutes: integer(env, 'CARD_MAX_AGE_MINUTES', 15, 1, 24 * 60),
    playground: onOff(env, 'PLAYGROUND', true),
    logLevel: logLevel as Config['logLevel'],
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
