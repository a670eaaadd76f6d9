/**
 * Control endpoints under `/_simulator`, for a person with curl or a test in another process:
 * read and clear the request log, add and clear fault rules, list the seeded users, read and change
 * the Temporary Access Pass policy. They need no token and are never delayed or faulted.
 */
import { TYPED_COLLECTIONS } from './authenticationMethods';
import { addBulk, bulkRequestFrom } from './bulk';
import { faultRuleFromJson, type FaultInjector } from './faults';
import { SEEDED, type SeededRole } from './seeded';
import type { SimulatedTenant, SimulatedUser } from './state';
import { changeTemporaryAccessPassPolicy } from './temporaryAccessPassPolicy';
import type { RecordedRequest } from './types';

export interface ControlDependencies {
  readonly tenant: SimulatedTenant;
  readonly requests: RecordedRequest[];
  readonly faults: FaultInjector;
  /** The simulator's clock, for data added by `POST bulk`. */
  readonly now?: Date;
}

export interface ControlAnswer {
  readonly status: number;
  readonly body?: unknown;
}

/** `segments` follow `_simulator`, e.g. `['faults']`. */
export function handleControl(
  method: string,
  segments: readonly string[],
  bodyText: string,
  dependencies: ControlDependencies,
): ControlAnswer {
  const resource = segments.join('/');
  switch (`${method} ${resource}`) {
    case 'GET ':
      return { status: 200, body: { endpoints: ENDPOINTS } };
    case 'GET requests':
      // A copy: the live log gains this very request before the answer is written.
      return { status: 200, body: { count: dependencies.requests.length, requests: [...dependencies.requests] } };
    case 'DELETE requests':
      dependencies.requests.length = 0;
      return { status: 204 };
    case 'GET faults':
      return { status: 200, body: { faults: dependencies.faults.list().map(printableRule) } };
    case 'POST faults':
      return addFault(bodyText, dependencies.faults);
    case 'DELETE faults':
      dependencies.faults.clear();
      return { status: 204 };
    case 'GET users':
      return {
        status: 200,
        body: { users: dependencies.tenant.users.map((user) => summarise(user, dependencies.tenant)) },
      };
    case 'POST bulk':
      return bulk(bodyText, dependencies);
    case 'GET temporaryAccessPassPolicy':
      return { status: 200, body: structuredClone(dependencies.tenant.temporaryAccessPassPolicy) };
    case 'PATCH temporaryAccessPassPolicy':
      return changePolicy(bodyText, dependencies.tenant);
    default:
      return {
        status: 404,
        body: {
          error: { code: 'NotFound', message: `No control endpoint ${method} /_simulator/${resource}.` },
          endpoints: ENDPOINTS,
        },
      };
  }
}

const ENDPOINTS = [
  'GET /_simulator/requests',
  'DELETE /_simulator/requests',
  'GET /_simulator/faults',
  'POST /_simulator/faults',
  'DELETE /_simulator/faults',
  'GET /_simulator/users',
  'POST /_simulator/bulk',
  'GET /_simulator/temporaryAccessPassPolicy',
  'PATCH /_simulator/temporaryAccessPassPolicy',
];

/** More sign-ins for one user and more namesakes, for measuring against data size (`bulk.ts`). */
function bulk(bodyText: string, dependencies: ControlDependencies): ControlAnswer {
  let body: unknown;
  try {
    body = JSON.parse(bodyText === '' ? 'null' : bodyText);
  } catch {
    return { status: 400, body: { error: { code: 'BadRequest', message: 'The body is not valid JSON.' } } };
  }
  const request = bulkRequestFrom(body);
  if (typeof request === 'string') return { status: 400, body: { error: { code: 'BadRequest', message: request } } };
  const result = addBulk(dependencies.tenant, request, dependencies.now ?? new Date());
  if (typeof result === 'string') return { status: 404, body: { error: { code: 'NotFound', message: result } } };
  return { status: 201, body: result };
}

function addFault(bodyText: string, faults: FaultInjector): ControlAnswer {
  try {
    const rule = faultRuleFromJson(JSON.parse(bodyText === '' ? 'null' : bodyText));
    faults.add(rule);
    return { status: 201, body: rule };
  } catch (error) {
    const message = error instanceof SyntaxError ? 'The body is not valid JSON.' : (error as Error).message;
    return { status: 400, body: { error: { code: 'BadRequest', message } } };
  }
}

/** e.g. `{"state":"disabled"}`: Graph's property names, applied all or nothing. */
function changePolicy(bodyText: string, tenant: SimulatedTenant): ControlAnswer {
  let change: unknown;
  try {
    change = JSON.parse(bodyText === '' ? 'null' : bodyText);
  } catch {
    return { status: 400, body: { error: { code: 'BadRequest', message: 'The body is not valid JSON.' } } };
  }
  const problem = changeTemporaryAccessPassPolicy(tenant.temporaryAccessPassPolicy, change);
  if (problem !== undefined) return { status: 400, body: { error: { code: 'BadRequest', message: problem } } };
  return { status: 200, body: structuredClone(tenant.temporaryAccessPassPolicy) };
}

/** JSON cannot carry a RegExp; show its source instead of `{}`. */
function printableRule<T extends { path: string | RegExp }>(rule: T): Omit<T, 'path'> & { path: string } {
  return { ...rule, path: typeof rule.path === 'string' ? rule.path : rule.path.toString() };
}

const ROLE_BY_ID: ReadonlyMap<string, SeededRole> = new Map(
  (Object.keys(SEEDED.users) as SeededRole[]).map((role) => [SEEDED.users[role].id, role]),
);

/** A user with the finding the seed gave them and what the tenant holds now. */
function summarise(user: SimulatedUser, tenant: SimulatedTenant): Record<string, unknown> {
  const role = ROLE_BY_ID.get(user.id);
  const address = (user.mail ?? user.userPrincipalName).toLowerCase();
  return {
    role: role ?? null,
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    shows: role === undefined ? null : SEEDED.users[role].shows,
    now: {
      accountEnabled: user.accountEnabled,
      onPremisesSyncEnabled: user.onPremisesSyncEnabled === true,
      risk: user.risk === null ? null : `${user.risk.riskLevel}/${user.risk.riskState}`,
      roles: user.roleTemplateIds.map(
        (templateId) =>
          tenant.directoryRoles.find((known) => known.roleTemplateId === templateId)?.displayName ?? templateId,
      ),
      eligibleRoles: user.eligibleRoleTemplateIds.map(
        (templateId) =>
          tenant.directoryRoles.find((known) => known.roleTemplateId === templateId)?.displayName ?? templateId,
      ),
      inboxRules: user.mailbox === null ? null : user.mailbox.rules.map((rule) => rule.displayName),
      // Each method as its typed collection and when it was added, e.g. `phoneMethods 2026-10-31T08:00:00.000Z`.
      authenticationMethods: user.authentication.methods.map(
        (method) => `${TYPED_COLLECTIONS[method.kind].segment} ${method.createdDateTime}`,
      ),
      restrictedSender: tenant.blockedSenders.some((entry) => entry.senderAddress.toLowerCase() === address),
      lastPasswordChangeDateTime: user.lastPasswordChangeDateTime,
    },
  };
}
