/**
 * Which directory roles make a target "privileged" for Unlock. The app holds User Administrator, and
 * Entra lets a User Administrator perform sensitive actions (enable/disable, password profile, revoke…)
 * only on users with no admin role or with one of the roles below; every other built-in or custom role
 * needs a Privileged Authentication Administrator or a Global Administrator.
 *
 * The list is the "User Admin" column of "Who can perform sensitive actions":
 * https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/privileged-roles-permissions#who-can-perform-sensitive-actions
 * Template ids from https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference
 * Note: Global Reader is NOT in that column, so a Global Reader is privileged here.
 *
 * A role the target is only ELIGIBLE for through Privileged Identity Management counts too. The table
 * speaks of roles held, and an eligible role is not held until it is activated, so Entra's own check
 * is not documented to stop a User Administrator changing someone who can activate Global
 * Administrator at any moment. Unlock refuses them itself.
 *
 * Not visible from role memberships, and left to the access guard: members or owners of
 * role-assignable groups and users in restricted management administrative units, which that table
 * also reserves for Privileged Authentication and Global Administrators.
 */
import type { AccountState, DirectoryRoleMembership } from '../domain/account';
import { roleName } from '../domain/roleNames';

/** Role template id → role name, for the roles a User Administrator may manage. */
export const MANAGEABLE_BY_USER_ADMINISTRATOR: ReadonlyMap<string, string> = new Map(
  [
    '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', // Directory Readers
    'fdd7a751-b60b-444a-984c-02652fe8fa1c', // Groups Administrator
    '95e79109-95c0-4d8e-aee3-d01accf2d47b', // Guest Inviter
    '729827e3-9c14-49f7-bb1b-9608f156bbb8', // Helpdesk Administrator
    '790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b', // Message Center Reader
    '966707d0-3269-4727-9be2-8c3a10f19b9d', // Password Administrator
    '4a5d8f65-41da-4de4-8968-e035b65339cf', // Reports Reader
    'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
    '27460883-1df1-4691-b032-3b79643e5e63', // User Experience Success Manager
    '75934031-6c7e-415a-99d7-48dbd49e875e', // Usage Summary Reports Reader
  ].map((templateId) => [templateId, roleName(templateId)]),
);

/** Compares template ids only: a directoryRole's object id differs in every tenant. */
export function isManageableRole(role: DirectoryRoleMembership): boolean {
  return MANAGEABLE_BY_USER_ADMINISTRATOR.has(role.roleTemplateId.toLowerCase());
}

/**
 * The roles that put the target out of the bot's reach, in the order Graph listed them: by default
 * every role (`PROTECT_ALL_ROLE_HOLDERS`, so a Helpdesk Administrator is not reset from a chat
 * either), or only those Entra's table keeps from a User Administrator.
 */
export function privilegedRoles(roles: readonly DirectoryRoleMembership[], protectAllRoleHolders = true): DirectoryRoleMembership[] {
  return protectAllRoleHolders ? [...roles] : roles.filter((role) => !isManageableRole(role));
}

/**
 * True when the diagnosis cannot rule out a privileged target, so nothing that changes the account
 * may run: the active roles could not be read, or the PIM-eligible ones could not for any reason but
 * the licence. Without Entra ID P2 (or ID Governance) a tenant has no Privileged Identity Management,
 * so nobody can be eligible for a role and there is nothing to miss.
 */
export function rolesUnknown(state: Pick<AccountState, 'roles' | 'eligibleRoles' | 'protection'>): boolean {
  const eligible = state.eligibleRoles;
  // Group protection unread is the same: the target may be an operator or in a protected group.
  return state.roles.kind === 'unavailable' || state.protection.kind === 'unavailable' || (eligible.kind === 'unavailable' && eligible.cause !== 'licence');
}
