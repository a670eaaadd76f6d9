/** English messages. Keys are grouped by where they show: `finding.*`, `signInError.*`, `step.*`, … */
import type { Message } from './messages';

export const en = {
  // ── Findings ─────────────────────────────────────────────────────────────────────────────────
  'finding.signInBlocked.title': 'Sign-in is blocked for this account',
  'finding.signInBlocked.cloud':
    'An administrator has blocked sign-in, so every sign-in fails, whatever the password. Allowing sign-in again takes effect within a few minutes.',
  'finding.signInBlocked.onPremises':
    'This account comes from your on-premises Active Directory, so it must be enabled there (for example in Active Directory Users and Computers), not in Microsoft 365. The change reaches Microsoft 365 with the next directory sync, usually within 30 minutes.',
  'finding.signInBlocked.checkWhy':
    'Before you unblock it, find out why it was blocked: people leaving and security incidents are common reasons.',

  'finding.smartLockout.title': 'The account is locked after too many wrong passwords',
  'finding.smartLockout.titleLifted': 'The account was recently locked after too many wrong passwords',
  'finding.smartLockout.lastLockout': {
    one: 'It was locked once in the last 24 hours, at {at}.',
    other: 'It was locked {count} times in the last 24 hours, most recently at {at}.',
  },
  'finding.smartLockout.unlocksAt':
    'The lock lifts by itself, at the earliest around {at}. If the first password tried after that is wrong again, it locks again.',
  'finding.smartLockout.probablyLifted':
    'The lock has probably lifted (estimated at {at}). If the next password tried is wrong again, it locks again.',
  'finding.smartLockout.growsOnRepeat':
    'The first lock lasts about a minute, and each new lock lasts longer; Microsoft does not say by how much.',
  'finding.smartLockout.advice':
    'Fastest way back in: the user resets their own password choosing "I forgot my password", which ends the lock at once, or you reset it for them. Ask about phones and apps that still try an old password: they cause new locks.',

  'finding.failedSignIns.title': {
    one: '1 failed sign-in in the last 24 hours',
    other: '{count} failed sign-ins in the last 24 hours',
  },
  'finding.failedSignIns.advicePassword':
    'If the user no longer knows their password, reset it, or let them reset it themselves.',
  'finding.failedSignIns.adviceMaliciousIp':
    'Microsoft blocks sign-ins from internet addresses known for attacks, whatever the password. If these were not the user, someone else is trying their account. If they were, the user should try from another network (for example without VPN or public Wi-Fi).',
  'finding.failedSignIns.adviceAccessPolicy':
    'Your organisation\'s access rules stopped these sign-ins (device, location, app or a security policy). A password reset will not help; an administrator can see which policy applied in the sign-in log of the Microsoft Entra admin center.',
  'finding.failedSignIns.adviceMfa':
    'The second sign-in step failed or could not be set up. If the user has a new or lost phone, they need new security info; an administrator can issue a Temporary Access Pass.',
  'finding.failedSignIns.mfaPromptsOnly':
    'These are only requests for the second sign-in step, which are normal: they usually succeed once the user approves.',

  'finding.userAtRisk.title': 'Microsoft flagged this account as at risk',
  'finding.userAtRisk.titleCompromised': 'This account is confirmed compromised',
  'finding.userAtRisk.confirmedCompromised': 'An administrator confirmed that someone else had access to this account.',
  'finding.userAtRisk.levelLow': 'Risk level: low.',
  'finding.userAtRisk.levelMedium': 'Risk level: medium.',
  'finding.userAtRisk.levelHigh': 'Risk level: high. Risk policies may block sign-in until the risk is dealt with.',
  'finding.sessionsOpenAfterRisk.title': 'The risk was cleared by a password reset, but sessions were not revoked since',
  'finding.sessionsOpenAfterRisk.when': 'The password reset cleared the risk at {at}.',
  'finding.sessionsOpenAfterRisk.why':
    'A password reset signs out only what signed in with the password. Apps and devices that signed in without it (Microsoft Authenticator, Windows Hello, a passkey) stay signed in: revoke sessions so everything must sign in again.',
  'finding.userAtRisk.levelHidden':
    'The risk level is hidden because your organisation has no Microsoft Entra ID P2 licence.',
  'finding.userAtRisk.updatedAt': 'Last updated {at}.',
  'finding.userAtRisk.advice':
    'Ask the user whether the recent sign-ins were theirs. If yes, dismiss the risk. If not, or if you are unsure, reset the password and sign them out everywhere: a password reset also clears the risk.',
  'finding.userAtRisk.adviceCompromised':
    'Treat it as a compromised account: reset the password, sign the user out everywhere and go through the compromised-account checklist.',

  'finding.restrictedSender.title': 'The user is blocked from sending email',
  'finding.restrictedSender.since': 'Blocked since {since}.',
  'finding.restrictedSender.reason.sendingLimit': 'Microsoft blocked sending because the user went over a sending limit.',
  'finding.restrictedSender.reason.sendingLimitInternal':
    'Microsoft blocked sending because the user went over the daily limit of recipients inside your organisation.',
  'finding.restrictedSender.reason.sendingLimitExternal':
    'Microsoft blocked sending because the user went over the daily limit of recipients outside your organisation.',
  'finding.restrictedSender.reason.recipientCounts':
    'Recipients that day: {internal} inside your organisation and {external} outside.',
  'finding.restrictedSender.reason.outboundSpam': 'Microsoft blocked sending because mail from this account looked like spam.',
  'finding.restrictedSender.reason.spamCounts': '{spam} of {total} messages sent in the last 24 hours looked like spam.',
  'finding.restrictedSender.reason.raw': 'Reason given by Microsoft: {reason}',
  'finding.restrictedSender.effect':
    'The user still receives email, but everything they send bounces with error 5.1.8.',
  'finding.restrictedSender.secureFirst':
    'This usually means someone else is using the account. Secure it before you unblock it: reset the password, sign the user out everywhere and check the inbox rules.',
  'finding.restrictedSender.unblockDelay':
    'After unblocking, sending usually works again within an hour, in rare cases up to 24 hours.',
  'finding.restrictedSender.unblockLimit':
    'Microsoft limits how many times one account can be unblocked. Past that limit, only Microsoft support can unblock it.',

  'finding.ssprNotRegistered.title': 'The user cannot reset their own password yet',
  'finding.ssprNotRegistered.register':
    'Once they are back in, ask the user to register their security info at https://aka.ms/ssprsetup, so next time they can reset their password without the helpdesk.',
  'finding.ssprNotRegistered.policyDoesNotCover':
    'Self-service password reset is not turned on for this user, so even after registering they cannot use it. An administrator can include them in the Microsoft Entra admin center under Password reset.',

  'finding.suspiciousInboxRule.title': 'Inbox rule {rule} hides or sends mail elsewhere',
  'finding.suspiciousInboxRule.forward': 'It forwards mail to {recipients}.',
  'finding.suspiciousInboxRule.forwardAsAttachment': 'It forwards mail as attachments to {recipients}.',
  'finding.suspiciousInboxRule.redirect': 'It redirects mail to {recipients}.',
  'finding.suspiciousInboxRule.delete': 'It deletes mail.',
  'finding.suspiciousInboxRule.permanentDelete': 'It permanently deletes mail, so it cannot be recovered from Deleted Items.',
  'finding.suspiciousInboxRule.moveAndMarkRead': 'It moves mail to another folder and marks it as read, so the user does not see it.',
  'finding.suspiciousInboxRule.outside':
    'Mail goes outside the user\'s own email domain ({recipients}). Forwarding mail out is a common sign that someone else controls the mailbox.',
  'finding.suspiciousInboxRule.advice':
    'Ask the user whether they made this rule. If not, remove it and treat the account as compromised.',

  'finding.newSignInMethod.title': 'A new sign-in method was added: {method}',
  'finding.newSignInMethod.addedAt': 'Added {at}.',
  'finding.newSignInMethod.advice':
    'Ask the user whether they added it. If not, someone else may control the account: remove the method, reset the password and sign the user out everywhere.',
  'finding.signInMethods.title': { one: '1 registered sign-in method', other: '{count} registered sign-in methods' },
  'finding.signInMethods.addedAt': '{method}, added {at}',
  'finding.signInMethods.none': 'No sign-in method besides the password is registered.',

  // Sign-in (authentication) methods, as Microsoft names them in My Sign-Ins and the Entra admin center
  'method.password': 'Password',
  'method.phone': 'Phone',
  'method.microsoftAuthenticator': 'Microsoft Authenticator',
  'method.fido2': 'Security key',
  'method.email': 'Email',
  'method.softwareOath': 'Authenticator app code (OATH)',
  'method.temporaryAccessPass': 'Temporary Access Pass',
  'method.windowsHelloForBusiness': 'Windows Hello for Business',
  'method.platformCredential': 'Platform credential (passkey on a Mac)',
  'method.other': 'Another sign-in method',
  'method.withLabel': '{method}: {label}',

  'finding.passwordManagedOnPremises.title': 'The password is managed in on-premises Active Directory',
  'finding.passwordManagedOnPremises.resetInAd':
    'A password reset in Microsoft 365 does not reach Active Directory without password writeback, so Unlock does not offer one: reset the password in Active Directory.',
  'finding.passwordManagedOnPremises.writeback':
    'If your organisation has password writeback, the user can also reset it themselves with self-service password reset.',

  'finding.privilegedTarget.title': 'This user is an administrator Unlock may not change',
  'finding.privilegedTarget.roles': {
    one: 'They hold the role {roles}.',
    other: 'They hold the roles {roles}.',
  },
  'finding.privilegedTarget.eligible': {
    one: 'They can activate the role {roles} at any time (eligible through Privileged Identity Management).',
    other: 'They can activate the roles {roles} at any time (eligible through Privileged Identity Management).',
  },
  'finding.privilegedTarget.whoCanAct':
    'Only a Privileged Authentication Administrator or a Global Administrator can unblock, reset or sign out this account. Ask one of them to act in the Microsoft Entra admin center.',
  'finding.privilegedTarget.noSteps': 'Unlock shows what it found but offers no actions for this account.',
  'finding.protectedTarget.operator': 'This user is a helpdesk operator: Unlock does not change an operator\'s account',
  'finding.protectedTarget.group': 'This user is in a protected group: Unlock does not change this account',
  'finding.protectedTarget.whoCanAct':
    'An administrator makes changes to this account in the Microsoft Entra admin center, after checking with the user in person or on a known phone number.',

  'finding.couldNotCheck.needs': 'What it needs: {needs}.',
  'finding.couldNotCheck.rolesWithheld':
    'Without the roles, Unlock cannot tell whether this user is an administrator, so it offers nothing that changes the account. Try again later, or ask an administrator to act in the Microsoft Entra admin center.',
  'finding.couldNotCheck.noPim':
    'Without that licence your organisation has no Privileged Identity Management, so nobody can be eligible for a role: Unlock still offers its actions.',
  'finding.couldNotCheck.requestId': 'Request id, for Microsoft support: {requestId}.',

  'finding.nothingWrong.title': 'No problem found with this account',
  'finding.nothingWrong.titlePartial': 'No problem found in what could be checked',
  'finding.nothingWrong.partial': 'Some parts could not be checked (listed here), so a problem there cannot be ruled out.',
  'finding.nothingWrong.lookElsewhere': 'If the user still cannot get in, these are the usual other causes:',
  'finding.nothingWrong.wrongUsername': 'A wrong username: they should sign in as {upn}.',
  'finding.nothingWrong.mfaDevice':
    'A lost or new phone: without it they cannot approve sign-ins. An administrator can issue a Temporary Access Pass so they can set up new security info.',
  'finding.nothingWrong.deviceOrAccess':
    'The device or an access rule: a device that is not compliant or not registered, or a place or app your organisation blocks.',
  'finding.nothingWrong.app':
    'The app itself: if signing in to Microsoft 365 on the web in a private browser window works, the problem is the app or a saved sign-in on the device.',
  'finding.nothingWrong.incident':
    'A Microsoft service incident: check https://status.cloud.microsoft and Service health in the Microsoft 365 admin center.',

  // ── Parts of the account a diagnosis reads, and why one could not be read ──────────────────────
  'check.signInActivity': 'Could not check when the user last signed in',
  'check.signIns': 'Could not check recent sign-ins (lockouts and failed sign-ins)',
  'check.risk': 'Could not check whether Microsoft flagged the account as at risk',
  'check.registration': 'Could not check the user\'s security info registration',
  'check.roles': 'Could not check the user\'s administrator roles',
  'check.eligibleRoles': 'Could not check which administrator roles the user can activate (Privileged Identity Management)',
  'check.inboxRules': 'Could not check the inbox rules',
  'check.restrictedSender': 'Could not check whether the user is blocked from sending email',
  'check.signInMethods': 'Could not check the sign-in methods',
  'check.protection': 'Could not check whether the user is an operator or in a protected group',

  'cause.permission': 'Unlock is missing a permission or role to read this.',
  'cause.licence': 'Your organisation\'s licence does not include this.',
  'cause.notFound': 'Microsoft 365 found nothing to read here (for example, the user has no mailbox).',
  'cause.throttled': 'Microsoft 365 asked Unlock to slow down and the retries did not get through. Try again in a few minutes.',
  'cause.outage': 'Microsoft 365 did not answer properly (a service or network problem). Try again later.',

  // ── Sign-in error codes, in plain words ({count} sign-ins failed this way) ─────────────────────
  'signInError.50053': {
    one: '1 sign-in was stopped because the account was locked or the sign-in came from a suspicious address (error 50053; the sign-in log says which).',
    other: '{count} sign-ins were stopped because the account was locked or the sign-in came from a suspicious address (error 50053; the sign-in log says which).',
  },
  'signInError.50053.lockedOut': {
    one: '1 sign-in failed because the account was locked after too many wrong passwords.',
    other: '{count} sign-ins failed because the account was locked after too many wrong passwords.',
  },
  'signInError.50053.maliciousIp': {
    one: '1 sign-in was blocked because it came from an internet address known for attacks.',
    other: '{count} sign-ins were blocked because they came from an internet address known for attacks.',
  },
  'signInError.50055': {
    one: '1 sign-in failed because the password has expired.',
    other: '{count} sign-ins failed because the password has expired.',
  },
  'signInError.50056': {
    one: '1 sign-in failed because the account has no password set.',
    other: '{count} sign-ins failed because the account has no password set.',
  },
  'signInError.50057': {
    one: '1 sign-in failed because the account is disabled.',
    other: '{count} sign-ins failed because the account is disabled.',
  },
  'signInError.50126': {
    one: '1 sign-in failed because of a wrong username or password.',
    other: '{count} sign-ins failed because of a wrong username or password.',
  },
  'signInError.53003': {
    one: '1 sign-in was blocked by a Conditional Access policy.',
    other: '{count} sign-ins were blocked by a Conditional Access policy.',
  },
  'signInError.50074': {
    one: '1 sign-in asked for the second step (MFA) and it was not completed.',
    other: '{count} sign-ins asked for the second step (MFA) and it was not completed.',
  },
  'signInError.50076': {
    one: '1 sign-in needed the second step (MFA) because of a policy or a new location.',
    other: '{count} sign-ins needed the second step (MFA) because of a policy or a new location.',
  },
  'signInError.50079': {
    one: '1 sign-in stopped because the user must first register security info for MFA.',
    other: '{count} sign-ins stopped because the user must first register security info for MFA.',
  },
  'signInError.500121': {
    one: '1 sign-in failed at the second step (MFA was denied, timed out or the code was wrong).',
    other: '{count} sign-ins failed at the second step (MFA was denied, timed out or the code was wrong).',
  },
  'signInError.530032': {
    one: '1 sign-in was blocked by a security policy of your organisation.',
    other: '{count} sign-ins were blocked by a security policy of your organisation.',
  },
  'signInError.50158': {
    one: '1 sign-in failed an extra security check by an outside provider.',
    other: '{count} sign-ins failed an extra security check by an outside provider.',
  },
  'signInError.50097': {
    one: '1 sign-in was refused because it needs a registered device.',
    other: '{count} sign-ins were refused because they need a registered device.',
  },
  'signInError.53004': {
    one: '1 sign-in could not register security info because Microsoft judged it risky.',
    other: '{count} sign-ins could not register security info because Microsoft judged them risky.',
  },
  'signInError.other': {
    one: '1 sign-in failed with error {code} (see https://login.microsoftonline.com/error?code={code}).',
    other: '{count} sign-ins failed with error {code} (see https://login.microsoftonline.com/error?code={code}).',
  },

  // ── Remediation steps: button titles and confirmation questions ─────────────────────────────
  'step.allowSignIn.title': 'Allow sign-in',
  'step.allowSignIn.confirm': 'Allow {user} to sign in again?',
  'step.resetPassword.title': 'Reset password',
  'step.resetPassword.confirm':
    'Reset the password of {user}? They get a temporary password and must choose a new one at the next sign-in.',
  'step.unblockSending.title': 'Unblock sending',
  'step.unblockSending.confirm': 'Allow {user} to send email again? Make sure the account is secure first.',
  'step.removeInboxRule.title': 'Remove rule',
  'step.removeInboxRule.confirm': 'Remove the inbox rule {item} from the mailbox of {user}?',
  'step.revokeSessions.title': 'Revoke sessions',
  'step.revokeSessions.confirm': 'Sign {user} out of all apps and devices? They have to sign in again everywhere.',
  'step.dismissRisk.title': 'Dismiss risk',
  'step.dismissRisk.confirm': 'Dismiss the risk for {user}? Do this only if the user confirms the recent sign-ins were theirs.',
  'step.confirmCompromised.title': 'Confirm compromised',
  'step.confirmCompromised.confirm': 'Confirm that the account of {user} is compromised? Its risk is set to high.',
  'step.compromisedChecklist.title': 'Compromised-account checklist',
  'step.compromisedChecklist.confirm': 'Show the compromised-account checklist for {user}?',
  'step.handOver.title': 'Hand over to support',
  'step.handOver.confirm': 'Hand the case of {user} over to support?',
  'step.secureAccount.title': 'Secure account',
  'step.secureAccount.confirm': 'Secure the account of {user} now? In this order: {item}.',
  'step.secureAccount.note':
    'Each is done and recorded as if selected on its own. One that cannot be done is named on the card, and the rest still go ahead.',
  'summary.privileged': 'An administrator account: Unlock does not change it. See below who can.',
  'summary.compromised': 'This account looks compromised. Secure it first: start with "{step}".',
  'summary.compromisedNoStep': 'This account looks compromised. Secure it before anything else.',
  'summary.problem': '{problem}. Start with "{step}".',
  'summary.problemNoStep': '{problem}.',
  'summary.nothingWrong': 'Nothing wrong found in what Unlock checks.',
  'summary.nothingWrongAsked': 'Nothing wrong found in what Unlock checks. "{step}", as you asked, is first below.',
  'summary.compromisedAskedLater': 'This account looks compromised: "{asked}" waits until it is secured. Start with "{step}".',
  'summary.privilegedRoles':
    'An administrator ({roles}): Unlock does not change this account. A Privileged Authentication Administrator or a Global Administrator can, in the Microsoft Entra admin center.',
  'summary.protectedOperator': 'A helpdesk operator: Unlock does not change this account. An administrator can, in the Microsoft Entra admin center.',
  'summary.protectedGroup': 'In a protected group: Unlock does not change this account. An administrator can, in the Microsoft Entra admin center.',
  'summary.stepWithItem': '{step}: {item}',
  // An inbox rule or sign-in method by its name, always quoted: a rule named "." or " " must still be seen.
  'summary.itemQuoted': '"{name}"',
  'summary.itemUnnamed': '(no name)',
  'step.removeSignInMethod.title': 'Remove method',
  'step.removeSignInMethod.confirm': 'Remove the sign-in method {item} from {user}? Do this only if the user does not recognise it.',
  'step.temporaryAccessPass.title': 'Temporary Access Pass',
  'step.temporaryAccessPass.confirm':
    'Issue a Temporary Access Pass for {user}? With it, {user} can sign in and set up new security info, such as a new phone or authenticator. Any earlier pass stops working.',
  'step.temporaryAccessPass.policyOff':
    'The Temporary Access Pass is turned off in your organisation, so a pass would not work. An administrator can turn it on in the Microsoft Entra admin center (Protection > Authentication methods > Temporary Access Pass). Nothing was changed.',
  'step.temporaryAccessPass.userExcluded':
    "{user} is outside your organisation's Temporary Access Pass policy, so a pass would not work. An administrator can change whom the policy includes in the Microsoft Entra admin center (Protection > Authentication methods > Temporary Access Pass). Nothing was changed.",
  'step.temporaryAccessPass.lifetimeOutside':
    "A pass valid for {minutes} minutes is outside your organisation's policy ({min} to {max} minutes). Nothing was changed.",
  'step.temporaryAccessPass.onceRequired': 'Your organisation allows only one-time passes. Nothing was changed.',
} as const satisfies Record<string, Message>;
