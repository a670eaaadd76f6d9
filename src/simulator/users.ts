/**
 * Reading users: the `/users` collection with `$filter`/`$search`/paging, one user by id or UPN,
 * the directory roles a user holds and group membership checks.
 * https://learn.microsoft.com/en-us/graph/api/resources/user
 */
import { compileFilter, type FilterSchema } from './filter';
import {
  collectionContext,
  entityContext,
  pageOf,
  pageSize,
  project,
  readQueryOptions,
  resolveSelect,
  wantsEventualConsistency,
} from './odata';
import { compileSearch, type SearchSchema } from './search';
import { findUser, type SimulatedTenant, type SimulatedUser } from './state';
import {
  failure,
  isPlainObject,
  ODataError,
  ok,
  userNotFound,
  type GraphContext,
  type RouteRequest,
  type RouteResult,
} from './wire';

/** What Graph v1.0 returns when a request has no `$select`. */
const DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

const SELECTABLE_PROPERTIES = [
  ...DEFAULT_PROPERTIES,
  'accountEnabled',
  'createdDateTime',
  'department',
  'externalUserState',
  'lastPasswordChangeDateTime',
  'onPremisesSyncEnabled',
  'passwordPolicies',
  'signInActivity',
  'signInSessionsValidFromDateTime',
  'usageLocation',
  'userType',
] as const;

const DIRECTORY_ROLE_PROPERTIES = ['id', 'deletedDateTime', 'description', 'displayName', 'roleTemplateId'] as const;

const USER_FILTER: FilterSchema<SimulatedUser> = {
  resource: 'User',
  properties: {
    id: { type: 'string', operators: ['eq'], read: (user) => user.id },
    displayName: { type: 'string', operators: ['eq', 'startswith'], read: (user) => user.displayName },
    userPrincipalName: { type: 'string', operators: ['eq', 'startswith'], read: (user) => user.userPrincipalName },
    mail: { type: 'string', operators: ['eq', 'startswith'], read: (user) => user.mail },
  },
};

const USER_SEARCH: SearchSchema<SimulatedUser> = {
  resource: 'User',
  properties: {
    displayName: (user) => user.displayName,
    mail: (user) => user.mail,
    userPrincipalName: (user) => user.userPrincipalName,
  },
};

const SEARCH_NEEDS_HEADER =
  "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'";

/** `GET /users` */
export function listUsers(request: RouteRequest, context: GraphContext): RouteResult {
  const options = readQueryOptions(request.query, ['$select', '$filter', '$search', '$top', '$count', '$skiptoken']);
  const eventual = wantsEventualConsistency(request.headers);
  if (options.search !== undefined && !eventual) throw new ODataError(400, 'Request_UnsupportedQuery', SEARCH_NEEDS_HEADER);
  if (options.count && !eventual) throw countNeedsHeader();
  const select = resolveSelect(options.select, SELECTABLE_PROPERTIES, 'user');
  const size = pageSize(options, { default: 100, max: 999 });
  const filter = options.filter === undefined ? () => true : compileFilter(options.filter, USER_FILTER);
  const search = options.search === undefined ? () => true : compileSearch(options.search, USER_SEARCH);
  const matches = context.tenant.users.filter((user) => filter(user) && search(user));
  const page = pageOf(matches, options.offset, size, {
    serviceRoot: context.serviceRoot,
    segments: request.segments,
    query: request.query,
  });
  return ok({
    '@odata.context': collectionContext(context.serviceRoot, 'users', select),
    ...(options.count ? { '@odata.count': matches.length } : {}),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.items.map((user) => project(userResource(user), select ?? DEFAULT_PROPERTIES)),
  });
}

/** `GET /users/{id | userPrincipalName}` */
export function getUser(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const options = readQueryOptions(request.query, ['$select']);
  const select = resolveSelect(options.select, SELECTABLE_PROPERTIES, 'user');
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  if (select?.includes('signInActivity') === true && !found.keyIsId) {
    // signInActivity comes from the reporting store, which looks users up by object id only.
    // https://learn.microsoft.com/en-us/answers/questions/1311910/unable-to-query-signinactivity-for-individual-user
    return failure(400, 'BadRequest', 'Get By Key only supports UserId and the key has to be a valid Guid');
  }
  return ok({
    '@odata.context': entityContext(context.serviceRoot, 'users', select),
    ...project(userResource(found.user), select ?? DEFAULT_PROPERTIES),
  });
}

/** The user in Graph's shape; `signInActivity` is served only when selected, as Graph does. */
function userResource(user: SimulatedUser): Record<string, unknown> {
  return {
    id: user.id,
    businessPhones: [...(user.businessPhones ?? [])],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: user.mobilePhone ?? null,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    createdDateTime: user.createdDateTime,
    department: user.department,
    externalUserState: user.externalUserState ?? null,
    lastPasswordChangeDateTime: user.lastPasswordChangeDateTime,
    onPremisesSyncEnabled: user.onPremisesSyncEnabled,
    passwordPolicies: user.passwordPolicies,
    signInActivity: user.signInActivity === null ? null : { ...user.signInActivity },
    signInSessionsValidFromDateTime: user.signInSessionsValidFromDateTime,
    usageLocation: user.usageLocation,
    userType: user.userType,
  };
}

/**
 * `GET /users/{id | userPrincipalName}/manager`: the manager as a directory object (a user here), with
 * `$select`; 404 `Request_ResourceNotFound` when the user has none.
 * https://learn.microsoft.com/en-us/graph/api/user-list-manager
 */
export function getManager(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const options = readQueryOptions(request.query, ['$select']);
  const select = resolveSelect(options.select, SELECTABLE_PROPERTIES, 'user');
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  const managerId = found.user.managerId;
  const manager = managerId ? context.tenant.users.find((candidate) => candidate.id === managerId) : undefined;
  if (manager === undefined) {
    return failure(
      404,
      'Request_ResourceNotFound',
      "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
    );
  }
  return ok({
    '@odata.context': `${context.serviceRoot}/$metadata#directoryObjects/$entity`,
    '@odata.type': '#microsoft.graph.user',
    ...project(userResource(manager), select ?? DEFAULT_PROPERTIES),
  });
}

/**
 * `GET /users/{id}/transitiveMemberOf/microsoft.graph.directoryRole`. `$count=true` is an advanced
 * query here, so Graph wants `ConsistencyLevel: eventual` with it.
 * https://learn.microsoft.com/en-us/graph/api/user-list-transitivememberof
 */
export function listDirectoryRoles(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const options = readQueryOptions(request.query, ['$select', '$count', '$top', '$skiptoken']);
  if (options.count && !wantsEventualConsistency(request.headers)) throw countNeedsHeader();
  const select = resolveSelect(options.select, DIRECTORY_ROLE_PROPERTIES, 'directoryRole');
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  const roles = found.user.roleTemplateIds.map((templateId) => directoryRoleResource(context.tenant, templateId));
  const page = pageOf(roles, options.offset, pageSize(options, { default: 100, max: 999 }), {
    serviceRoot: context.serviceRoot,
    segments: request.segments,
    query: request.query,
  });
  return ok({
    '@odata.context': collectionContext(context.serviceRoot, 'directoryRoles', select),
    ...(options.count ? { '@odata.count': roles.length } : {}),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.items.map((role) => project(role, select)),
  });
}

function directoryRoleResource(tenant: SimulatedTenant, templateId: string): Record<string, unknown> {
  const role = tenant.directoryRoles.find((candidate) => candidate.roleTemplateId === templateId);
  return {
    '@odata.type': '#microsoft.graph.directoryRole',
    // A role nobody activated in the tenant has no object of its own; the template id stands in.
    id: role?.id ?? templateId,
    deletedDateTime: null,
    description: null,
    displayName: role?.displayName ?? templateId,
    roleTemplateId: templateId,
  };
}

/**
 * `POST /users/{id}/checkMemberGroups`: which of at most 20 groups the user belongs to, directly or
 * through nested groups.
 * https://learn.microsoft.com/en-us/graph/api/directoryobject-checkmembergroups
 */
export function checkMemberGroups(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  const groupIds = isPlainObject(request.body) ? request.body['groupIds'] : undefined;
  if (!Array.isArray(groupIds) || !groupIds.every((id): id is string => typeof id === 'string')) {
    return failure(400, 'Request_BadRequest', "Invalid value specified for property 'groupIds' of resource 'DirectoryObject'.");
  }
  if (groupIds.length > 20) {
    return failure(400, 'Request_BadRequest', 'The number of groupIds in the request cannot exceed 20.');
  }
  const memberOf = transitiveGroupIds(context.tenant, found.user.id);
  return ok({
    '@odata.context': `${context.serviceRoot}/$metadata#Collection(Edm.String)`,
    value: groupIds.filter((id) => memberOf.has(id.toLowerCase())),
  });
}

/** Lower-case ids of every group that contains the member, following nested groups. */
export function transitiveGroupIds(tenant: SimulatedTenant, memberId: string): Set<string> {
  const found = new Set<string>();
  const pending = [memberId.toLowerCase()];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for (const group of tenant.groups) {
      const groupId = group.id.toLowerCase();
      if (!found.has(groupId) && group.memberIds.some((id) => id.toLowerCase() === current)) {
        found.add(groupId);
        pending.push(groupId);
      }
    }
  }
  return found;
}

function countNeedsHeader(): ODataError {
  return new ODataError(400, 'Request_BadRequest', '$count is not currently supported.');
}
