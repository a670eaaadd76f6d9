/**
 * The one `$batch` a diagnosis sends: every Graph read about the user, in parallel, each able to fail
 * alone. `signInActivity` is its own item because asking for it without an Entra ID P1 licence fails
 * the whole user read with 403.  https://learn.microsoft.com/en-us/graph/json-batching
 */
import type { BatchItem } from './batch';
import { CHECK_REQUIREMENTS, type CheckRequirements } from '../../domain/checkRequirements';
import type { CheckName } from '../../domain/diagnosis';
import { addressFilter, MAX_MATCHES, odataString } from './userQuery';

export type AccountStatePart = 'user' | Exclude<CheckName, 'restrictedSender'>;

export const USER_ACCOUNT_FIELDS =
  'id,displayName,userPrincipalName,mail,accountEnabled,onPremisesSyncEnabled,lastPasswordChangeDateTime,signInSessionsValidFromDateTime,passwordPolicies,userType,' +
  // Callback facts for verifying a caller (issue 10); all in `User.Read.All`.
  'mobilePhone,businessPhones,department,jobTitle,officeLocation,createdDateTime';

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

export function accountStateBatch(userId: string, checkedAt: Date, groups: ProtectedGroups, displayName?: string): BatchItem[] {
  const id = encodeURIComponent(userId);
  return [
    { id: 'user', url: `/users/${id}?$select=${USER_ACCOUNT_FIELDS}` },
    // By object id: Graph refuses `signInActivity` when the user is addressed by UPN.
    { id: 'signInActivity', url: `/users/${id}?$select=id,signInActivity` },
    { id: 'signIns', url: signInsUrl(`userId eq ${odataString(userId)}`, checkedAt) },
    { id: 'risk', url: `/identityProtection/riskyUsers/${id}` },
    { id: 'registration', url: `/reports/authenticationMethods/userRegistrationDetails/${id}` },
    {
      id: 'eligibleRoles',
      // Roles the user may activate through PIM: the cast of `roles` lists active roles only. For a built-in
      // role `roleDefinitionId` is its template id. Without Entra ID P2 Graph answers 400 AadPremiumLicenseRequired.
      // https://learn.microsoft.com/en-us/graph/api/rbacapplication-list-roleeligibilityscheduleinstances
      url: eligibilityOfPrincipalPath(userId),
    },
    ...navigationItems(`/users/${id}`, groups),
    ...verifierItems(`/users/${id}`, `userId eq ${odataString(userId)}`, checkedAt, displayName),
  ];
}

/**
 * The same reads keyed by the address an operator typed, so that finding the person and reading their
 * account are one round trip: `user` is the lookup itself (a UPN or a mail address, as `findUsers`
 * asks), the rest are keyed by UPN where Graph allows it. The answers describe the person found only
 * when that person's UPN is exactly this address; the caller checks.
 * - `signInActivity` by key needs the object id, but the list form filtered by UPN serves it.
 *   https://learn.microsoft.com/en-us/graph/api/user-list (signInActivity: "$filter … $select")
 * - sign-ins, risky users and registration details are lists filterable by `userPrincipalName`.
 *   https://learn.microsoft.com/en-us/graph/api/signin-list,
 *   https://learn.microsoft.com/en-us/graph/api/riskyuser-list,
 *   https://learn.microsoft.com/en-us/graph/api/authenticationmethodsroot-list-userregistrationdetails
 * - navigation properties and `checkMemberGroups` take the UPN as the key (`/users/{id | userPrincipalName}`).
 * - PIM eligibility is filtered by `principalId` only, so it comes from the tenant's roster of eligible
 *   principals (`eligibilityRoster`, included when the cached one is stale). The step runner reads
 *   eligibility again by object id before any write.
 */
export function accountStateByAddressBatch(
  address: string,
  checkedAt: Date,
  groups: ProtectedGroups,
  options: { readonly eligibilityRoster: boolean },
): BatchItem[] {
  const upn = odataString(address);
  const byUpn = encodeURIComponent(`userPrincipalName eq ${upn}`);
  return [
    { id: 'user', url: `/users?$filter=${addressFilter(address)}&$select=${USER_ACCOUNT_FIELDS}&$top=${MAX_MATCHES}` },
    { id: 'signInActivity', url: `/users?$filter=${byUpn}&$select=id,signInActivity` },
    { id: 'signIns', url: signInsUrl(`userPrincipalName eq ${upn}`, checkedAt) },
    { id: 'risk', url: `/identityProtection/riskyUsers?$filter=${byUpn}` },
    { id: 'registration', url: `/reports/authenticationMethods/userRegistrationDetails?$filter=${byUpn}` },
    ...(options.eligibilityRoster ? [eligibilityRosterItem()] : []),
    ...navigationItems(`/users/${encodeURIComponent(address)}`, groups),
    // The display name is not known before this round trip answers, so the same-name lookup is not
    // here: it rides in the next read (Check again, and the read after every step).
    ...verifierItems(`/users/${encodeURIComponent(address)}`, `userPrincipalName eq ${upn}`, checkedAt, undefined),
  ];
}

const ELIGIBILITY_PATH = '/roleManagement/directory/roleEligibilityScheduleInstances';
const ELIGIBILITY_FIELDS = 'roleDefinitionId,directoryScopeId,principalId';

/** Every PIM eligibility in the tenant, for the roster of eligible principals. */
export function eligibilityRosterItem(): BatchItem {
  return { id: 'eligibilityRoster', url: `${ELIGIBILITY_PATH}?$select=${ELIGIBILITY_FIELDS}` };
}

/** PIM eligibility of one principal, by object id: what the roster stands in for. */
export function eligibilityOfPrincipalPath(userId: string): string {
  return `${ELIGIBILITY_PATH}?$filter=${encodeURIComponent(`principalId eq ${odataString(userId)}`)}&$select=${ELIGIBILITY_FIELDS}`;
}

/** How far back successful sign-ins count as the places a user is known to sign in from (the log keeps 30 days). */
export const EARLIER_SIGN_IN_DAYS = 30;
/**
 * At most this many of them, newest first. Without `$select` (the sign-in list refuses it) each one
 * carries every Conditional Access policy evaluated, kilobytes in a real tenant, and parsing them is
 * bot CPU on the diagnosis turn (issue 13: 3 ms): 50 cost about 0.6 ms with eight policies, 20 about
 * 0.3 ms. Twenty interactive successes (v1.0 lists no token refreshes) cover weeks for most people,
 * and their usual places repeat within them.
 */
export const MAX_EARLIER_SIGN_INS = 20;
/** Namesakes read at most: one is enough to warn, a few to name. */
export const MAX_SAME_NAME = 4;
const MANAGER_FIELDS = 'id,displayName,mail,userPrincipalName,jobTitle,mobilePhone,businessPhones';

/**
 * What an operator checks a caller against, in the same `$batch`: the manager (404 when none), the
 * successful sign-ins of the last 30 days, and — when the display name is known — everyone with that
 * exact name. `displayName eq` is a default (not advanced) filter: no `ConsistencyLevel` needed.
 * https://learn.microsoft.com/en-us/graph/api/user-list-manager,
 * https://learn.microsoft.com/en-us/graph/api/signin-list ($filter, $top and $skiptoken only),
 * https://learn.microsoft.com/en-us/graph/aad-advanced-queries (displayName: eq is a default query)
 */
function verifierItems(user: string, who: string, checkedAt: Date, displayName: string | undefined): BatchItem[] {
  const since = new Date(checkedAt.getTime() - EARLIER_SIGN_IN_DAYS * 24 * 3600_000).toISOString();
  return [
    { id: 'manager', url: `${user}/manager?$select=${MANAGER_FIELDS}` },
    {
      id: 'earlierSignIns',
      url: `/auditLogs/signIns?$filter=${encodeURIComponent(`${who} and status/errorCode eq 0 and createdDateTime ge ${since}`)}&$top=${MAX_EARLIER_SIGN_INS}`,
    },
    ...(displayName === undefined
      ? []
      : [
          {
            id: 'sameDisplayName',
            url: `/users?$filter=${encodeURIComponent(`displayName eq ${odataString(displayName)}`)}&$select=id,displayName,userPrincipalName,mail&$top=${MAX_SAME_NAME}`,
          },
        ]),
  ];
}

function signInsUrl(who: string, checkedAt: Date): string {
  const since = new Date(checkedAt.getTime() - SIGN_IN_WINDOW_HOURS * 3600_000).toISOString();
  return `/auditLogs/signIns?$filter=${encodeURIComponent(`${who} and createdDateTime ge ${since}`)}&$top=${MAX_SIGN_INS}`;
}

/** The reads under `/users/{key}`, where the key is the object id or the UPN alike. */
function navigationItems(user: string, groups: ProtectedGroups): BatchItem[] {
  return [
    {
      id: 'roles',
      // The cast with $count is an advanced query: it needs ConsistencyLevel.
      // https://learn.microsoft.com/en-us/graph/api/user-list-transitivememberof
      url: `${user}/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId&$count=true`,
      headers: { ConsistencyLevel: 'eventual' },
    },
    { id: 'inboxRules', url: `${user}/mailFolders/inbox/messageRules` },
    // https://learn.microsoft.com/en-us/graph/api/authentication-list-methods
    { id: 'signInMethods', url: `${user}/authentication/methods` },
    // Transitive membership of at most 20 groups in one call; config.ts keeps the list within that.
    // https://learn.microsoft.com/en-us/graph/api/directoryobject-checkmembergroups
    {
      id: 'protection',
      method: 'POST',
      url: `${user}/checkMemberGroups`,
      body: { groupIds: [groups.helpdeskGroupId, ...groups.protectedGroupIds] },
    },
  ];
}
