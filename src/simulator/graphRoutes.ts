/**
 * The Graph routing table: every Graph call the simulated tenant answers, in one place. The same
 * table serves plain requests and `$batch` items. Paths are relative to the version (`/v1.0`,
 * `/beta`); literal segments compare case-insensitively, as Graph's do.
 */
import {
  getMethod,
  getPasswordMethod,
  listMethods,
  listPasswordMethods,
  TYPED_COLLECTIONS,
  typedCollection,
} from './authenticationMethods';
import { listGroupMembers } from './groupMembers';
import { getRegistrationDetails, listRegistrationDetails } from './registrationDetails';
import { deleteMessageRule, getMessageRule, listMessageRules } from './messageRules';
import { listRoleEligibilityScheduleInstances } from './roleEligibility';
import { confirmCompromisedUsers, dismissRiskyUsers, getRiskyUser, listRiskyUsers } from './riskyUsers';
import { listSignIns } from './signIns';
import { getInstalledAppChat, installApp, listInstalledApps } from './teamsApps';
import { createTemporaryAccessPass } from './temporaryAccessPass';
import { getTemporaryAccessPassPolicy } from './temporaryAccessPassPolicy';
import { revokeSignInSessions, updateUser } from './userWrites';
import { checkMemberGroups, getManager, getUser, listDirectoryRoles, listUsers } from './users';
import { failure, ODataError, type GraphContext, type RouteRequest, type RouteResult } from './wire';

/** Values of the `{placeholder}` segments, in order. */
type Handler = (request: RouteRequest, context: GraphContext, ...parameters: string[]) => RouteResult;

interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Segments; `{name}` matches any one segment. */
  readonly path: string;
  readonly handle: Handler;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', path: 'users', handle: listUsers },
  { method: 'GET', path: 'users/{user}', handle: getUser },
  { method: 'PATCH', path: 'users/{user}', handle: updateUser },
  { method: 'POST', path: 'users/{user}/revokeSignInSessions', handle: revokeSignInSessions },
  { method: 'POST', path: 'users/{user}/checkMemberGroups', handle: checkMemberGroups },
  { method: 'GET', path: 'users/{user}/manager', handle: getManager },
  { method: 'GET', path: 'users/{user}/teamwork/installedApps', handle: listInstalledApps },
  { method: 'POST', path: 'users/{user}/teamwork/installedApps', handle: installApp },
  { method: 'GET', path: 'users/{user}/teamwork/installedApps/{installation}/chat', handle: getInstalledAppChat },
  { method: 'GET', path: 'users/{user}/transitiveMemberOf/microsoft.graph.directoryRole', handle: listDirectoryRoles },
  { method: 'GET', path: 'users/{user}/mailFolders/inbox/messageRules', handle: listMessageRules },
  { method: 'GET', path: 'users/{user}/mailFolders/inbox/messageRules/{rule}', handle: getMessageRule },
  { method: 'DELETE', path: 'users/{user}/mailFolders/inbox/messageRules/{rule}', handle: deleteMessageRule },
  { method: 'GET', path: 'users/{user}/authentication/methods', handle: listMethods },
  { method: 'GET', path: 'users/{user}/authentication/methods/{method}', handle: getMethod },
  { method: 'GET', path: 'users/{user}/authentication/passwordMethods', handle: listPasswordMethods },
  { method: 'GET', path: 'users/{user}/authentication/passwordMethods/{method}', handle: getPasswordMethod },
  ...typedMethodRoutes(),
  { method: 'POST', path: 'users/{user}/authentication/temporaryAccessPassMethods', handle: createTemporaryAccessPass },
  {
    method: 'GET',
    path: 'policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass',
    handle: getTemporaryAccessPassPolicy,
  },
  { method: 'GET', path: 'groups/{group}/members', handle: listGroupMembers },
  { method: 'GET', path: 'auditLogs/signIns', handle: listSignIns },
  {
    method: 'GET',
    path: 'roleManagement/directory/roleEligibilityScheduleInstances',
    handle: listRoleEligibilityScheduleInstances,
  },
  { method: 'POST', path: 'identityProtection/riskyUsers/dismiss', handle: dismissRiskyUsers },
  { method: 'POST', path: 'identityProtection/riskyUsers/confirmCompromised', handle: confirmCompromisedUsers },
  { method: 'GET', path: 'identityProtection/riskyUsers', handle: listRiskyUsers },
  { method: 'GET', path: 'identityProtection/riskyUsers/{userId}', handle: getRiskyUser },
  { method: 'GET', path: 'reports/authenticationMethods/userRegistrationDetails', handle: listRegistrationDetails },
  {
    method: 'GET',
    path: 'reports/authenticationMethods/userRegistrationDetails/{userId}',
    handle: getRegistrationDetails,
  },
];

/** List, read and delete on each typed collection of methods, e.g. `authentication/fido2Methods/{id}`. */
function typedMethodRoutes(): Route[] {
  return Object.entries(TYPED_COLLECTIONS).flatMap(([kind, { segment }]) => {
    const handlers = typedCollection(kind as keyof typeof TYPED_COLLECTIONS);
    const collection = `users/{user}/authentication/${segment}`;
    return [
      { method: 'GET', path: collection, handle: handlers.list },
      { method: 'GET', path: `${collection}/{method}`, handle: handlers.get },
      { method: 'DELETE', path: `${collection}/{method}`, handle: handlers.remove },
    ] satisfies Route[];
  });
}

const PATTERNS = ROUTES.map((route) => ({ route, segments: route.path.split('/') }));

/** Answers one Graph request (segments after the version). Never throws an `ODataError`. */
export function routeGraph(request: RouteRequest, context: GraphContext): RouteResult {
  try {
    const candidates = PATTERNS.filter(({ segments }) => fits(segments, request.segments));
    // A literal segment beats a placeholder: `riskyUsers/dismiss` is not the riskyUser `dismiss`.
    const matched = candidates
      .filter(({ route }) => route.method === request.method)
      .sort((a, b) => literalCount(b.segments) - literalCount(a.segments))[0];
    if (matched !== undefined) {
      const parameters = matched.segments.flatMap((segment, index) =>
        isPlaceholder(segment) ? [request.segments[index] as string] : [],
      );
      return matched.route.handle(request, context, ...parameters);
    }
    if (candidates.length > 0) {
      return failure(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
    }
    return failure(400, 'BadRequest', `Resource not found for the segment '${firstUnknownSegment(request.segments)}'.`);
  } catch (error) {
    if (error instanceof ODataError) return error.toFailure();
    throw error;
  }
}

function fits(pattern: readonly string[], segments: readonly string[]): boolean {
  return pattern.length === segments.length && pattern.every((part, index) => segmentFits(part, segments[index]));
}

function segmentFits(part: string, segment: string | undefined): boolean {
  return segment !== undefined && (isPlaceholder(part) || part.toLowerCase() === segment.toLowerCase());
}

function isPlaceholder(part: string): boolean {
  return part.startsWith('{');
}

function literalCount(pattern: readonly string[]): number {
  return pattern.filter((part) => !isPlaceholder(part)).length;
}

/** Graph names the first segment no route knows, e.g. `v1.0` when a client repeats the version. */
function firstUnknownSegment(segments: readonly string[]): string {
  for (let index = 0; index < segments.length; index += 1) {
    const prefix = segments.slice(0, index + 1);
    const known = PATTERNS.some(
      ({ segments: pattern }) =>
        pattern.length >= prefix.length && prefix.every((segment, at) => segmentFits(pattern[at] as string, segment)),
    );
    if (!known) return segments[index] as string;
  }
  return segments[segments.length - 1] ?? '';
}
