/**
 * Creating a Temporary Access Pass: `POST /users/{id}/authentication/temporaryAccessPassMethods`,
 * within the tenant's policy. Listing, reading and deleting passes are the typed collection's
 * (`authenticationMethods.ts`). Only a SHA-256 of a pass is kept; the pass itself exists in the one
 * answer that creates it.
 * https://learn.microsoft.com/en-us/graph/api/authentication-post-temporaryaccesspassmethods
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { temporaryAccessPassResource } from './authenticationMethods';
import { findUser, type SimulatedTemporaryAccessPass } from './state';
import { policyCovers } from './temporaryAccessPassPolicy';
import {
  failure,
  isPlainObject,
  ok,
  userNotFound,
  type Failure,
  type GraphContext,
  type RouteRequest,
  type RouteResult,
} from './wire';

/**
 * Graph's answer when the policy is off or does not cover the user, for both. The text is Graph's,
 * as quoted in MicrosoftDocs/azure-docs#111778 and handled by name in public client code; the code
 * `badRequest` and the status 400 are assumed from the lifetime error below.
 */
export const POLICY_REFUSAL =
  'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].';

/** `POST /users/{id}/authentication/temporaryAccessPassMethods` */
export function createTemporaryAccessPass(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  const wanted = readRequest(request.body);
  if ('kind' in wanted) return wanted;
  const user = found.user;
  const policy = context.tenant.temporaryAccessPassPolicy;
  if (user.userType === 'Guest') {
    // Text as public client code matches it; code and status assumed.
    return failure(400, 'badRequest', 'Temporary Access Pass cannot be added to an external guest user.');
  }
  if (!policyCovers(context.tenant, user)) return failure(400, 'badRequest', POLICY_REFUSAL);
  const lifetimeInMinutes = wanted.lifetimeInMinutes ?? policy.defaultLifetimeInMinutes;
  if (lifetimeInMinutes < policy.minimumLifetimeInMinutes || lifetimeInMinutes > policy.maximumLifetimeInMinutes) {
    // Graph's answer, quoted in microsoftgraph/microsoft-graph-docs#12187 ("range between", sic).
    return failure(
      400,
      'badRequest',
      `Invalid LifetimeInMinutes specified. The valid range between ${policy.minimumLifetimeInMinutes} and ${policy.maximumLifetimeInMinutes}.`,
    );
  }
  const isUsableOnce = wanted.isUsableOnce ?? policy.isUsableOnce;
  if (policy.isUsableOnce && !isUsableOnce) {
    // A reusable pass needs a policy that allows one (documented); the answer's text is not known.
    return failure(400, 'badRequest', 'Invalid IsUsableOnce specified. The policy allows only one-time passes.');
  }
  const now = context.now().toISOString();
  const pass = generatePass(policy.defaultLength);
  const method: SimulatedTemporaryAccessPass = {
    kind: 'temporaryAccessPass',
    id: randomUUID(),
    createdDateTime: now,
    startDateTime: wanted.startDateTime ?? now,
    lifetimeInMinutes,
    isUsableOnce,
    passSha256: createHash('sha256').update(pass, 'utf8').digest('hex'),
  };
  // A user has one pass: a new one replaces the one there was, usable or not.
  user.authentication.methods = [
    ...user.authentication.methods.filter((existing) => existing.kind !== 'temporaryAccessPass'),
    method,
  ];
  return ok(
    {
      '@odata.context': `${context.serviceRoot}/$metadata#users('${user.id}')/authentication/temporaryAccessPassMethods/$entity`,
      ...temporaryAccessPassResource(method, pass, user, context),
    },
    201,
  );
}

interface PassRequest {
  readonly startDateTime?: string;
  readonly lifetimeInMinutes?: number;
  readonly isUsableOnce?: boolean;
}

const REQUEST_PROPERTIES: readonly string[] = ['startDateTime', 'lifetimeInMinutes', 'isUsableOnce'];

/** Every property is optional; an empty body asks for the policy's defaults. */
function readRequest(body: unknown): PassRequest | Failure {
  if (body === undefined) return {};
  if (!isPlainObject(body)) return failure(400, 'BadRequest', 'The request body must be a JSON object.');
  const unsupported = Object.keys(body).find((name) => !REQUEST_PROPERTIES.includes(name));
  if (unsupported !== undefined) {
    return failure(
      400,
      'BadRequest',
      `The simulated tenant accepts only ${REQUEST_PROPERTIES.join(', ')} for a pass, not '${unsupported}'.`,
    );
  }
  const { startDateTime, lifetimeInMinutes, isUsableOnce } = body;
  if (lifetimeInMinutes !== undefined && !(typeof lifetimeInMinutes === 'number' && Number.isInteger(lifetimeInMinutes))) {
    return invalidValue('lifetimeInMinutes');
  }
  if (isUsableOnce !== undefined && typeof isUsableOnce !== 'boolean') return invalidValue('isUsableOnce');
  if (startDateTime !== undefined && (typeof startDateTime !== 'string' || Number.isNaN(Date.parse(startDateTime)))) {
    return invalidValue('startDateTime');
  }
  return {
    ...(startDateTime === undefined ? {} : { startDateTime: new Date(startDateTime as string).toISOString() }),
    ...(lifetimeInMinutes === undefined ? {} : { lifetimeInMinutes }),
    ...(isUsableOnce === undefined ? {} : { isUsableOnce }),
  };
}

function invalidValue(property: string): Failure {
  return failure(
    400,
    'BadRequest',
    `Invalid value specified for property '${property}' of resource 'temporaryAccessPassAuthenticationMethod'.`,
  );
}

/** Letters, digits and symbols, as Entra's passes mix them (e.g. `+drkzqAD` in the docs). */
const PASS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&*+-=?@';

function generatePass(length: number): string {
  return Array.from({ length }, () => PASS_ALPHABET.charAt(randomInt(PASS_ALPHABET.length))).join('');
}
