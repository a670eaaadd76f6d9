/**
 * Teams apps installed in users' personal scope, as Graph serves them: the list (with `$expand=teamsApp`
 * and the one `$filter` Unlock sends), installing from the tenant's app catalog, and the 1:1 chat
 * between the user and the app's bot. The catalog holds one app, Unlock; nobody has it installed
 * until it is installed (tests may install it directly with `installTeamsApp`).
 * https://learn.microsoft.com/en-us/graph/api/userteamwork-list-installedapps
 * https://learn.microsoft.com/en-us/graph/api/userteamwork-post-installedapps (201 Created, no body)
 * https://learn.microsoft.com/en-us/graph/api/userscopeteamsappinstallation-get-chat
 */
import { findUser, type SimulatedTenant } from './state';
import { failure, isPlainObject, ok, userNotFound, type GraphContext, type RouteRequest, type RouteResult } from './wire';

/** Unlock in the simulated tenant's app catalog: `id` is the catalog id, `externalId` the manifest's. */
export const SIMULATED_TEAMS_APP = {
  id: '3b0a9a8e-5f1c-4d7e-9a51-7c2f0e6d4b11',
  externalId: '5d8c1f0e-2b7a-4c39-8e64-19f3a2b7c0d5',
  displayName: 'Unlock',
  distributionMethod: 'organization',
} as const;

/** Which catalog apps each user has, per tenant object (the tenant model itself knows nothing of Teams). */
const installed = new WeakMap<SimulatedTenant, Map<string, Set<string>>>();

function appsOf(tenant: SimulatedTenant, userId: string): Set<string> {
  let byUser = installed.get(tenant);
  if (!byUser) {
    byUser = new Map();
    installed.set(tenant, byUser);
  }
  let apps = byUser.get(userId);
  if (!apps) {
    apps = new Set();
    byUser.set(userId, apps);
  }
  return apps;
}

/** Installs an app for a user directly, as if they had added it themselves. */
export function installTeamsApp(tenant: SimulatedTenant, userId: string, appId: string = SIMULATED_TEAMS_APP.id): void {
  appsOf(tenant, userId).add(appId);
}

export function installedTeamsApps(tenant: SimulatedTenant, userId: string): readonly string[] {
  return [...appsOf(tenant, userId)];
}

/** The installation's id, as Graph makes it: base64 of `<user id>##<app id>`. */
function installationId(userId: string, appId: string): string {
  return Buffer.from(`${userId}##${appId}`).toString('base64');
}

function installationOf(id: string): { userId: string; appId: string } | undefined {
  const [userId, appId] = Buffer.from(id, 'base64').toString('utf8').split('##');
  return userId && appId ? { userId, appId } : undefined;
}

function teamsAppResource(appId: string) {
  return appId === SIMULATED_TEAMS_APP.id ? { ...SIMULATED_TEAMS_APP } : { id: appId, externalId: null, displayName: null, distributionMethod: 'store' };
}

/** `GET /users/{id}/teamwork/installedApps[?$expand=teamsApp][&$filter=teamsApp/id eq '<id>']` */
export function listInstalledApps(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const found = findUser(context.tenant, key);
  if (!found) return userNotFound(key);
  const expand = request.query.get('$expand');
  if (expand !== null && expand !== 'teamsApp' && expand !== 'teamsAppDefinition') {
    return failure(400, 'BadRequest', `Could not find a property named '${expand}' on type 'microsoft.graph.userScopeTeamsAppInstallation'.`);
  }
  const filter = request.query.get('$filter');
  let wanted: string | undefined;
  if (filter !== null) {
    const match = /^teamsApp\/id eq '([^']+)'$/.exec(filter.trim());
    if (!match) return failure(400, 'BadRequest', `Invalid filter clause: ${filter}`);
    wanted = match[1];
  }
  const apps = installedTeamsApps(context.tenant, found.user.id).filter((appId) => wanted === undefined || appId === wanted);
  return ok({
    '@odata.context': `${context.serviceRoot}/$metadata#users('${found.user.id}')/teamwork/installedApps${expand ? `(${expand}())` : ''}`,
    value: apps.map((appId) => ({
      id: installationId(found.user.id, appId),
      consentedPermissionSet: null,
      ...(expand === 'teamsApp' ? { teamsApp: teamsAppResource(appId) } : {}),
    })),
  });
}

/** `POST /users/{id}/teamwork/installedApps` with `teamsApp@odata.bind`: 201 and no body; 409 when installed already. */
export function installApp(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const found = findUser(context.tenant, key);
  if (!found) return userNotFound(key);
  const bind = isPlainObject(request.body) ? request.body['teamsApp@odata.bind'] : undefined;
  const appId = typeof bind === 'string' ? /\/appCatalogs\/teamsApps\/([^/?#]+)$/.exec(bind)?.[1] : undefined;
  if (!appId) {
    return failure(400, 'BadRequest', "The request body must bind 'teamsApp@odata.bind' to an app in the catalog.");
  }
  if (appId !== SIMULATED_TEAMS_APP.id) {
    return failure(404, 'NotFound', `App with id ${appId} not found in the app catalog.`);
  }
  const apps = appsOf(context.tenant, found.user.id);
  if (apps.has(appId)) {
    return failure(409, 'Conflict', 'App is already installed.');
  }
  apps.add(appId);
  return { kind: 'success', status: 201 };
}

/** `GET /users/{id}/teamwork/installedApps/{installation id}/chat`: the 1:1 chat with the app's bot. */
export function getInstalledAppChat(_request: RouteRequest, context: GraphContext, key: string, id: string): RouteResult {
  const found = findUser(context.tenant, key);
  if (!found) return userNotFound(key);
  const installation = installationOf(id);
  if (!installation || installation.userId !== found.user.id || !appsOf(context.tenant, found.user.id).has(installation.appId)) {
    return failure(404, 'NotFound', `The app installation '${id}' was not found for this user.`);
  }
  return ok({
    '@odata.context': `${context.serviceRoot}/$metadata#chats/$entity`,
    id: personalChatId(found.user.id, installation.appId),
    topic: null,
    createdDateTime: new Date(Date.parse(found.user.createdDateTime)).toISOString(),
    lastUpdatedDateTime: context.now().toISOString(),
    chatType: 'oneOnOne',
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(personalChatId(found.user.id, installation.appId))}/0?tenantId=${context.tenant.tenantId}`,
    tenantId: context.tenant.tenantId,
  });
}

/** A 1:1 chat's id between a user and an app's bot, in Teams' form. */
export function personalChatId(userId: string, appId: string = SIMULATED_TEAMS_APP.id): string {
  return `19:${userId}_${appId}@unq.gbl.spaces`;
}
