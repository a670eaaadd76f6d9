/**
 * Entra built-in role template ids the simulated tenant uses, and which targets an app holding
 * User Administrator may change. Template ids are the same in every tenant:
 * https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference
 */

export const ROLE = {
  globalAdministrator: { templateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator' },
  privilegedRoleAdministrator: {
    templateId: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
    displayName: 'Privileged Role Administrator',
  },
  privilegedAuthenticationAdministrator: {
    templateId: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    displayName: 'Privileged Authentication Administrator',
  },
  userAdministrator: { templateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1', displayName: 'User Administrator' },
  helpdeskAdministrator: { templateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8', displayName: 'Helpdesk Administrator' },
  authenticationAdministrator: {
    templateId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
    displayName: 'Authentication Administrator',
  },
  exchangeAdministrator: { templateId: '29232cdf-9323-42fd-ade2-1d097af3e4de', displayName: 'Exchange Administrator' },
  securityAdministrator: { templateId: '194ae4cb-b126-40b2-bd5b-6091b380977d', displayName: 'Security Administrator' },
} as const;

/**
 * Roles whose holders a User Administrator may still enable, reset or revoke ("who can perform
 * sensitive actions"); a target holding any other role needs a Privileged Authentication
 * Administrator, so Graph answers the app 403.
 * https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/privileged-roles-permissions#who-can-perform-sensitive-actions
 */
const MANAGEABLE_BY_USER_ADMINISTRATOR: ReadonlySet<string> = new Set([
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', // Directory Readers
  'fdd7a751-b60b-444a-984c-02652fe8fa1c', // Groups Administrator
  '95e79109-95c0-4d8e-aee3-d01accf2d47b', // Guest Inviter
  ROLE.helpdeskAdministrator.templateId,
  '790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b', // Message Center Reader
  '966707d0-3269-4727-9be2-8c3a10f19b9d', // Password Administrator
  '4a5d8f65-41da-4de4-8968-e035b65339cf', // Reports Reader
  ROLE.userAdministrator.templateId,
  '27460883-1df1-4691-b032-3b79643e5e63', // User Experience Success Manager
  '75934031-6c7e-415a-99d7-48dbd49e875e', // Usage Summary Reports Reader
]);

/** True when an app holding User Administrator may perform sensitive actions on the holder of these roles. */
export function userAdministratorMayManage(roleTemplateIds: readonly string[]): boolean {
  return roleTemplateIds.every((id) => MANAGEABLE_BY_USER_ADMINISTRATOR.has(id.toLowerCase()));
}
