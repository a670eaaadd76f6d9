/**
 * The Temporary Access Pass method policy: Graph's read of it, whether it covers a user, and the
 * change a test or a person makes through the control endpoint (switch it off, narrow its bounds,
 * exclude a group).
 * https://learn.microsoft.com/en-us/graph/api/resources/temporaryaccesspassauthenticationmethodconfiguration
 */
import { project, readQueryOptions, resolveSelect } from './odata';
import type { SimulatedTemporaryAccessPassPolicy, SimulatedTenant, SimulatedUser } from './state';
import { transitiveGroupIds } from './users';
import { isPlainObject, ok, type GraphContext, type RouteRequest, type RouteResult } from './wire';

/** The include target Entra writes for "All users". */
export const ALL_USERS = 'all_users';

/** Graph's bounds for any pass and any policy: 10 minutes to 30 days. */
export const LIFETIME_BOUNDS = { min: 10, max: 43_200 } as const;

const POLICY_PROPERTIES = [
  'id',
  'state',
  'defaultLifetimeInMinutes',
  'defaultLength',
  'minimumLifetimeInMinutes',
  'maximumLifetimeInMinutes',
  'isUsableOnce',
  'includeTargets',
  'excludeTargets',
] as const;

/**
 * `GET /policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass`.
 * The context names the configurations collection and the includes carry their own context, as
 * Graph's answer does.
 * https://learn.microsoft.com/en-us/graph/api/temporaryaccesspassauthenticationmethodconfiguration-get
 */
export function getTemporaryAccessPassPolicy(request: RouteRequest, context: GraphContext): RouteResult {
  const options = readQueryOptions(request.query, ['$select']);
  const select = resolveSelect(options.select, POLICY_PROPERTIES, 'temporaryAccessPassAuthenticationMethodConfiguration');
  const policy = context.tenant.temporaryAccessPassPolicy;
  return ok({
    '@odata.context': `${context.serviceRoot}/$metadata#authenticationMethodConfigurations/$entity`,
    '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration',
    ...project(
      {
        id: 'TemporaryAccessPass',
        state: policy.state,
        defaultLifetimeInMinutes: policy.defaultLifetimeInMinutes,
        defaultLength: policy.defaultLength,
        minimumLifetimeInMinutes: policy.minimumLifetimeInMinutes,
        maximumLifetimeInMinutes: policy.maximumLifetimeInMinutes,
        isUsableOnce: policy.isUsableOnce,
        'includeTargets@odata.context': `${context.serviceRoot}/$metadata#policies/authenticationMethodsPolicy/authenticationMethodConfigurations('TemporaryAccessPass')/microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration/includeTargets`,
        includeTargets: policy.includeTargets.map((target) => ({ ...target })),
        excludeTargets: policy.excludeTargets.map((target) => ({ ...target })),
      },
      select,
    ),
  });
}

/** True when the policy is on, includes the user (directly, through a group or as all users) and does not exclude them. */
export function policyCovers(tenant: SimulatedTenant, user: SimulatedUser): boolean {
  const policy = tenant.temporaryAccessPassPolicy;
  if (policy.state !== 'enabled') return false;
  const groups = transitiveGroupIds(tenant, user.id);
  const inGroup = (id: string): boolean => groups.has(id.toLowerCase());
  const included = policy.includeTargets.some((target) => target.id === ALL_USERS || inGroup(target.id));
  const excluded = policy.excludeTargets.some((target) => target.id === ALL_USERS || inGroup(target.id));
  return included && !excluded;
}

/**
 * Applies a partial policy in Graph's property names (`{"state":"disabled"}`,
 * `{"maximumLifetimeInMinutes":120}`, `{"excludeTargets":[…]}`), all or nothing. Returns what is
 * wrong with it, or `undefined` once applied.
 */
export function changeTemporaryAccessPassPolicy(
  policy: SimulatedTemporaryAccessPassPolicy,
  change: unknown,
): string | undefined {
  if (!isPlainObject(change)) return 'The body must be a JSON object of policy properties.';
  const next: SimulatedTemporaryAccessPassPolicy = { ...policy };
  for (const [name, value] of Object.entries(change)) {
    const problem = applyProperty(next, name, value);
    if (problem !== undefined) return problem;
  }
  const { minimumLifetimeInMinutes: min, defaultLifetimeInMinutes: lifetime, maximumLifetimeInMinutes: max } = next;
  if (!(min <= lifetime && lifetime <= max)) {
    return `The lifetimes must satisfy minimum <= default <= maximum, not ${min} <= ${lifetime} <= ${max}.`;
  }
  Object.assign(policy, next);
  return undefined;
}

function applyProperty(policy: SimulatedTemporaryAccessPassPolicy, name: string, value: unknown): string | undefined {
  switch (name) {
    case 'state':
      if (value !== 'enabled' && value !== 'disabled') return "state must be 'enabled' or 'disabled'.";
      policy.state = value;
      return undefined;
    case 'isUsableOnce':
      if (typeof value !== 'boolean') return 'isUsableOnce must be true or false.';
      policy.isUsableOnce = value;
      return undefined;
    case 'defaultLength':
      if (!isIntegerBetween(value, 8, 48)) return 'defaultLength must be an integer from 8 to 48.';
      policy.defaultLength = value;
      return undefined;
    case 'defaultLifetimeInMinutes':
    case 'minimumLifetimeInMinutes':
    case 'maximumLifetimeInMinutes':
      if (!isIntegerBetween(value, LIFETIME_BOUNDS.min, LIFETIME_BOUNDS.max)) {
        return `${name} must be an integer from ${LIFETIME_BOUNDS.min} to ${LIFETIME_BOUNDS.max}.`;
      }
      policy[name] = value;
      return undefined;
    case 'includeTargets':
    case 'excludeTargets': {
      const targets = readTargets(value);
      if (targets === undefined) return `${name} must be an array of { "targetType": "group", "id": "…" }.`;
      if (name === 'includeTargets') policy.includeTargets = targets;
      else policy.excludeTargets = targets.map(({ targetType, id }) => ({ targetType, id }));
      return undefined;
    }
    default:
      return `The policy has no property '${name}' the simulated tenant changes.`;
  }
}

function readTargets(value: unknown): SimulatedTemporaryAccessPassPolicy['includeTargets'] | undefined {
  if (!Array.isArray(value)) return undefined;
  const targets: SimulatedTemporaryAccessPassPolicy['includeTargets'] = [];
  for (const entry of value) {
    if (!isPlainObject(entry) || typeof entry['id'] !== 'string' || (entry['targetType'] ?? 'group') !== 'group') {
      return undefined;
    }
    const required = entry['isRegistrationRequired'] ?? false;
    if (typeof required !== 'boolean') return undefined;
    targets.push({ targetType: 'group', id: entry['id'], isRegistrationRequired: required });
  }
  return targets;
}

function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
