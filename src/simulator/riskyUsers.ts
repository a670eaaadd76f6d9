/**
 * Identity Protection's risky users: read one, dismiss its risk or confirm it compromised, and the
 * remediation an admin password reset brings.
 * https://learn.microsoft.com/en-us/graph/api/resources/riskyuser
 */
import { compileFilter, type FilterSchema } from './filter';
import { collectionContext, entityContext, pageOf, pageSize, project, readQueryOptions, resolveSelect } from './odata';
import type { SimulatedRisk, SimulatedTenant, SimulatedUser } from './state';
import { failure, isPlainObject, noContent, ok, type GraphContext, type RouteRequest, type RouteResult } from './wire';

const RISKY_USER_PROPERTIES = [
  'id',
  'isDeleted',
  'isProcessing',
  'riskLastUpdatedDateTime',
  'riskLevel',
  'riskState',
  'riskDetail',
  'userDisplayName',
  'userPrincipalName',
] as const;

/** `GET /identityProtection/riskyUsers/{userId}`; keyed by object id only, like the real API. */
export function getRiskyUser(request: RouteRequest, context: GraphContext, userId: string): RouteResult {
  const options = readQueryOptions(request.query, ['$select']);
  const select = resolveSelect(options.select, RISKY_USER_PROPERTIES, 'riskyUser');
  const user = context.tenant.users.find((candidate) => candidate.id.toLowerCase() === userId.toLowerCase());
  // A user Identity Protection never flagged has no riskyUser object at all.
  if (user === undefined || user.risk === null) {
    return failure(404, 'ResourceNotFound', "The requested resource doesn't exist.");
  }
  return ok({
    '@odata.context': entityContext(context.serviceRoot, 'identityProtection/riskyUsers', select),
    ...project(riskyUserResource(user, user.risk), select),
  });
}

const RISKY_USER_FILTER: FilterSchema<RiskyUser> = {
  resource: 'riskyUser',
  properties: {
    id: { type: 'string', operators: ['eq'], read: ({ user }) => user.id },
    userPrincipalName: { type: 'string', operators: ['eq', 'startswith'], read: ({ user }) => user.userPrincipalName },
    userDisplayName: { type: 'string', operators: ['eq', 'startswith'], read: ({ user }) => user.displayName },
    riskLevel: { type: 'string', operators: ['eq', 'ne'], read: ({ risk }) => risk.riskLevel },
    riskState: { type: 'string', operators: ['eq', 'ne'], read: ({ risk }) => risk.riskState },
  },
};

interface RiskyUser {
  readonly user: SimulatedUser;
  readonly risk: SimulatedRisk;
}

/**
 * `GET /identityProtection/riskyUsers` with `$filter`, `$select` and `$top` (at most 500): only users
 * Identity Protection flagged, so a filter on a user never flagged answers an empty list.
 * https://learn.microsoft.com/en-us/graph/api/riskyuser-list
 */
export function listRiskyUsers(request: RouteRequest, context: GraphContext): RouteResult {
  const options = readQueryOptions(request.query, ['$select', '$filter', '$top', '$skiptoken']);
  const select = resolveSelect(options.select, RISKY_USER_PROPERTIES, 'riskyUser');
  const filter = options.filter === undefined ? () => true : compileFilter(options.filter, RISKY_USER_FILTER);
  const flagged = context.tenant.users.flatMap((user): RiskyUser[] => (user.risk === null ? [] : [{ user, risk: user.risk }]));
  const page = pageOf(flagged.filter(filter), options.offset, pageSize(options, { default: 20, max: 500 }), {
    serviceRoot: context.serviceRoot,
    segments: request.segments,
    query: request.query,
  });
  return ok({
    '@odata.context': collectionContext(context.serviceRoot, 'identityProtection/riskyUsers', select),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.items.map(({ user, risk }) => project(riskyUserResource(user, risk), select)),
  });
}

function riskyUserResource(user: SimulatedUser, risk: SimulatedRisk): Record<string, unknown> {
  return {
    id: user.id,
    isDeleted: false,
    isProcessing: false,
    riskLastUpdatedDateTime: risk.riskLastUpdatedDateTime,
    riskLevel: risk.riskLevel,
    riskState: risk.riskState,
    riskDetail: risk.riskDetail,
    userDisplayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
  };
}

/**
 * `POST /identityProtection/riskyUsers/dismiss`: risk state dismissed, level none.
 * https://learn.microsoft.com/en-us/graph/api/riskyuser-dismiss
 */
export function dismissRiskyUsers(request: RouteRequest, context: GraphContext): RouteResult {
  return changeRisk(request, context, (current) =>
    current === null
      ? null // nothing to dismiss
      : { riskLevel: 'none', riskState: 'dismissed', riskDetail: 'adminDismissedAllRiskForUser' },
  );
}

/**
 * `POST /identityProtection/riskyUsers/confirmCompromised`: risk state confirmedCompromised, level high.
 * https://learn.microsoft.com/en-us/graph/api/riskyuser-confirmcompromised
 */
export function confirmCompromisedUsers(request: RouteRequest, context: GraphContext): RouteResult {
  return changeRisk(request, context, () => ({
    riskLevel: 'high',
    riskState: 'confirmedCompromised',
    riskDetail: 'adminConfirmedUserCompromised',
  }));
}

/**
 * An admin-set password (a "temporary password" in Entra's words) remediates user risk, whether the
 * user is at risk or confirmed compromised: state remediated, level none, detail
 * `adminGeneratedTemporaryPassword`. Risk already closed (dismissed, remediated, confirmed safe) and
 * users never flagged stay as they are.
 * https://learn.microsoft.com/en-us/entra/id-protection/howto-identity-protection-remediate-unblock#generate-a-temporary-password
 * https://learn.microsoft.com/en-us/graph/api/resources/riskdetail
 */
export function remediateRiskAfterAdminReset(user: SimulatedUser, now: Date): void {
  if (user.risk === null || !ACTIVE_RISK_STATES.has(user.risk.riskState)) return;
  user.risk = {
    riskLevel: 'none',
    riskState: 'remediated',
    riskDetail: 'adminGeneratedTemporaryPassword',
    riskLastUpdatedDateTime: now.toISOString(),
  };
}

const ACTIVE_RISK_STATES: ReadonlySet<SimulatedRisk['riskState']> = new Set(['atRisk', 'confirmedCompromised']);

function changeRisk(
  request: RouteRequest,
  context: GraphContext,
  next: (current: SimulatedRisk | null) => Omit<SimulatedRisk, 'riskLastUpdatedDateTime'> | null,
): RouteResult {
  const userIds = isPlainObject(request.body) ? request.body['userIds'] : undefined;
  if (!Array.isArray(userIds) || userIds.length === 0 || !userIds.every((id) => typeof id === 'string')) {
    return failure(400, 'BadRequest', "The request body must contain 'userIds', a non-empty array of user ids.");
  }
  const now = context.now().toISOString();
  for (const id of userIds as string[]) {
    const user = findById(context.tenant, id);
    // Graph accepts ids it does not know and answers 204 all the same.
    if (user === undefined) continue;
    const risk = next(user.risk);
    if (risk !== null) user.risk = { ...risk, riskLastUpdatedDateTime: now };
  }
  return noContent();
}

function findById(tenant: SimulatedTenant, id: string): SimulatedTenant['users'][number] | undefined {
  return tenant.users.find((user) => user.id.toLowerCase() === id.toLowerCase());
}
