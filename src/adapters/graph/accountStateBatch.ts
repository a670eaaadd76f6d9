/**
 * The one `$batch` a diagnosis sends: every Graph read about the user, in parallel, each able to fail
 * alone. `signInActivity` is its own item because asking for it without an Entra ID P1 licence fails
 * the whole user read with 403.  https://learn.microsoft.com/en-us/graph/json-batching
 */
import type { BatchItem } from './batch';
import { CHECK_REQUIREMENTS, type CheckRequirements } from '../../domain/checkRequirements';
import type { CheckName } from '../../domain/diagnosis';
import { odataString } from './userQuery';

export type AccountStatePart = 'user' | Exclude<CheckName, 'restrictedSender'>;

export const USER_ACCOUNT_FIELDS =
  'id,displayName,userPrincipalName,mail,accountEnabled,onPremisesSyncEnabled,lastPasswordChangeDateTime,signInSessionsValidFromDateTime,passwordPolicies,userType';

/** How far back the diagnosis reads sign-ins, and how many it reads at most. */
export const SIGN_IN_WINDOW_HOURS = 24;
export const MAX_SIGN_INS = 100;

/** The requirements of each part of the batch. */
export const PART_REQUIREMENTS: Readonly<Record<AccountStatePart, CheckRequirements>> = CHECK_REQUIREMENTS;

/** The groups whose members the bot must not change: the helpdesk group first, then `PROTECTED_GROUP_IDS`. */
export interface ProtectedGroups {
  readonly helpdeskGroupId: string;
  readonly protectedGroupIds: readonly string[];
}

export function accountStateBatch(userId: string, checkedAt: Date, groups: ProtectedGroups): BatchItem[] {
  const id = encodeURIComponent(userId);
  const since = new Date(checkedAt.getTime() - SIGN_IN_WINDOW_HOURS * 3600_000).toISOString();
  const signInFilter = encodeURIComponent(`userId eq ${odataString(userId)} and createdDateTime ge ${since}`);
  const eligibilityFilter = encodeURIComponent(`principalId eq ${odataString(userId)}`);
  return [
    { id: 'user', url: `/users/${id}?$select=${USER_ACCOUNT_FIELDS}` },
    // By object id: Graph refuses `signInActivity` when the user is addressed by UPN.
    { id: 'signInActivity', url: `/users/${id}?$select=id,signInActivity` },
    { id: 'signIns', url: `/auditLogs/signIns?$filter=${signInFilter}&$top=${MAX_SIGN_INS}` },
    { id: 'risk', url: `/identityProtection/riskyUsers/${id}` },
    { id: 'registration', url: `/reports/authenticationMethods/userRegistrationDetails/${id}` },
    {
      id: 'roles',
      // The cast with $count is an advanced query: it needs ConsistencyLevel.
      // https://learn.microsoft.com/en-us/graph/api/user-list-transitivememberof
      url: `/users/${id}/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId&$count=true`,
      headers: { ConsistencyLevel: 'eventual' },
    },
    {
      id: 'eligibleRoles',
      // Roles the user may activate through PIM: the cast above lists active roles only. For a built-in
      // role `roleDefinitionId` is its template id. Without Entra ID P2 Graph answers 400 AadPremiumLicenseRequired.
      // https://learn.microsoft.com/en-us/graph/api/rbacapplication-list-roleeligibilityscheduleinstances
      url: `/roleManagement/directory/roleEligibilityScheduleInstances?$filter=${eligibilityFilter}&$select=roleDefinitionId,directoryScopeId,principalId`,
    },
    { id: 'inboxRules', url: `/users/${id}/mailFolders/inbox/messageRules` },
    // https://learn.microsoft.com/en-us/graph/api/authentication-list-methods
    { id: 'signInMethods', url: `/users/${id}/authentication/methods` },
    // Transitive membership of at most 20 groups in one call; config.ts keeps the list within that.
    // https://learn.microsoft.com/en-us/graph/api/directoryobject-checkmembergroups
    {
      id: 'protection',
      method: 'POST',
      url: `/users/${id}/checkMemberGroups`,
      body: { groupIds: [groups.helpdeskGroupId, ...groups.protectedGroupIds] },
    },
  ];
}
