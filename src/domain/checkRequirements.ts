/**
 * What each part of an account check needs to work: the least-privileged application permission,
 * and the licence for premium data, in Microsoft's own names. The directory names them when a part
 * cannot be read; the diagnosis says them to the operator; README.md lists the same table.
 * Sources: reference/graph-and-exchange.md §1–7, 12, 15.
 */
import type { CheckName } from './diagnosis';

export interface CheckRequirements {
  readonly permission: string;
  readonly licence?: string;
}

export const CHECK_REQUIREMENTS: Readonly<Record<CheckName | 'user', CheckRequirements>> = {
  user: { permission: 'User.Read.All' },
  signInActivity: { permission: 'AuditLog.Read.All', licence: 'Microsoft Entra ID P1 or P2' },
  signIns: { permission: 'AuditLog.Read.All and Directory.Read.All', licence: 'Microsoft Entra ID P1 or P2' },
  risk: { permission: 'IdentityRiskyUser.Read.All', licence: 'Microsoft Entra ID P2' },
  registration: { permission: 'AuditLog.Read.All', licence: 'Microsoft Entra ID P1 or P2' },
  // Without one of these, Graph lists roles with null names and template ids (limited information).
  roles: { permission: 'RoleManagement.Read.Directory (or Directory.Read.All)' },
  // https://learn.microsoft.com/en-us/graph/api/rbacapplication-list-roleeligibilityscheduleinstances
  eligibleRoles: {
    permission: 'RoleEligibilitySchedule.Read.Directory (or RoleManagement.Read.Directory)',
    licence: 'Microsoft Entra ID P2 or Microsoft Entra ID Governance',
  },
  inboxRules: { permission: 'MailboxSettings.Read' },
  // https://learn.microsoft.com/en-us/graph/api/authentication-list-methods
  signInMethods: { permission: 'UserAuthenticationMethod.Read.All' },
  // https://learn.microsoft.com/en-us/graph/api/directoryobject-checkmembergroups
  protection: { permission: 'GroupMember.Read.All' },
  restrictedSender: {
    permission: 'Exchange.ManageAsApp with the Security Administrator role (or Exchange Organization Management)',
  },
};

/** The reads behind the operator's "Verify the caller" section: no permission beyond the table above. */
export type VerifierPart = 'manager' | 'earlierSignIns' | 'sameDisplayName';

export const VERIFIER_REQUIREMENTS: Readonly<Record<VerifierPart, CheckRequirements>> = {
  // https://learn.microsoft.com/en-us/graph/api/user-list-manager
  manager: { permission: 'User.Read.All' },
  earlierSignIns: CHECK_REQUIREMENTS.signIns,
  sameDisplayName: { permission: 'User.Read.All' },
};
