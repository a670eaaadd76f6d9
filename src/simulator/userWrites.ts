/**
 * The writes the bot makes on a user: allow sign-in, reset the password (`PATCH /users/{id}`) and
 * revoke sessions. Each is refused the way Graph refuses an app holding User Administrator. A reset
 * also remediates the user's risk, as Identity Protection does.
 * https://learn.microsoft.com/en-us/graph/api/user-update
 */
import { createHash } from 'node:crypto';
import { remediateRiskAfterAdminReset } from './riskyUsers';
import { userAdministratorMayManage } from './roles';
import { findUser, type SimulatedUser } from './state';
import {
  failure,
  isPlainObject,
  noContent,
  ok,
  userNotFound,
  type Failure,
  type GraphContext,
  type RouteRequest,
  type RouteResult,
} from './wire';

/** `PATCH /users/{id}` with `accountEnabled` and/or `passwordProfile`. */
export function updateUser(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  const update = readUpdate(request.body);
  if ('kind' in update) return update;
  const user = found.user;
  const refused = refuseSensitiveAction(user);
  if (refused !== undefined) return refused;
  if (user.onPremisesSyncEnabled === true) {
    // https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/5768
    return failure(
      400,
      'Request_BadRequest',
      'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.',
    );
  }
  if (update.password !== undefined && !meetsComplexity(update.password.password)) {
    return failure(
      400,
      'Request_BadRequest',
      'The specified password does not comply with password complexity requirements. Please provide a different password.',
    );
  }
  if (update.accountEnabled !== undefined) user.accountEnabled = update.accountEnabled;
  if (update.password !== undefined) {
    user.passwordProfile = {
      passwordSha256: createHash('sha256').update(update.password.password, 'utf8').digest('hex'),
      forceChangePasswordNextSignIn: update.password.forceChangePasswordNextSignIn,
    };
    user.lastPasswordChangeDateTime = context.now().toISOString();
    remediateRiskAfterAdminReset(user, context.now());
  }
  return noContent();
}

/**
 * `POST /users/{id}/revokeSignInSessions`. The doc shows 200 with `value: true`.
 * https://learn.microsoft.com/en-us/graph/api/user-revokesigninsessions
 */
export function revokeSignInSessions(_request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const found = findUser(context.tenant, key);
  if (found === undefined) return userNotFound(key);
  const refused = refuseSensitiveAction(found.user);
  if (refused !== undefined) return refused;
  found.user.signInSessionsValidFromDateTime = context.now().toISOString();
  return ok({ '@odata.context': `${context.serviceRoot}/$metadata#Edm.Boolean`, value: true });
}

interface UserUpdate {
  readonly accountEnabled?: boolean;
  readonly password?: { readonly password: string; readonly forceChangePasswordNextSignIn: boolean };
}

function readUpdate(body: unknown): UserUpdate | Failure {
  if (!isPlainObject(body)) return failure(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  const unsupported = Object.keys(body).find((name) => name !== 'accountEnabled' && name !== 'passwordProfile');
  if (unsupported !== undefined) {
    return failure(
      400,
      'BadRequest',
      `The simulated tenant updates only accountEnabled and passwordProfile, not '${unsupported}'.`,
    );
  }
  const { accountEnabled, passwordProfile } = body;
  if (accountEnabled !== undefined && typeof accountEnabled !== 'boolean') return invalidValue('accountEnabled');
  if (passwordProfile === undefined) return accountEnabled === undefined ? {} : { accountEnabled };
  if (!isPlainObject(passwordProfile) || typeof passwordProfile['password'] !== 'string') {
    return invalidValue('passwordProfile');
  }
  const force = passwordProfile['forceChangePasswordNextSignIn'] ?? false;
  if (typeof force !== 'boolean') return invalidValue('passwordProfile');
  const password = { password: passwordProfile['password'], forceChangePasswordNextSignIn: force };
  return accountEnabled === undefined ? { password } : { accountEnabled, password };
}

function invalidValue(property: string): Failure {
  return failure(400, 'Request_BadRequest', `Invalid value specified for property '${property}' of resource 'User'.`);
}

/**
 * Enabling, resetting and revoking are sensitive actions: a User Administrator may perform them only
 * on users without an admin role or with one of a few limited roles.
 * https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/privileged-roles-permissions#who-can-perform-sensitive-actions
 */
function refuseSensitiveAction(user: SimulatedUser): Failure | undefined {
  if (userAdministratorMayManage(user.roleTemplateIds)) return undefined;
  return failure(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

/**
 * Entra's cloud password rules: 8 to 256 characters, no characters outside ASCII (a space is
 * allowed), and three of lower case, upper case, digits and symbols. The banned-password list is
 * not simulated.
 * https://learn.microsoft.com/en-us/entra/identity/authentication/concept-sspr-policy
 */
export function meetsComplexity(password: string): boolean {
  if (password.length < 8 || password.length > 256) return false;
  if (!/^[\x20-\x7e]+$/.test(password)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password));
  return classes.length >= 3;
}
