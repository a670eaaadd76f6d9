/**
 * Sign-in methods: a method added in the last days is flagged (an attacker who got in often
 * registers their own authenticator or phone to keep access), and on a compromised-looking account
 * or one whose second sign-in step fails, every method is listed so the operator can go through them
 * with the user. https://learn.microsoft.com/en-us/entra/identity/authentication/howto-authentication-methods-activity
 */
import type { SignInMethod, SignInMethodType } from '../domain/account';
import type { Finding, NewSignInMethodFinding, SignInMethodsFinding } from '../domain/diagnosis';
import type { MessageKey } from '../i18n/catalogue';
import { text, type Text } from '../i18n/text';

/** How recent a method must be to be flagged. */
export const NEW_METHOD_DAYS = 7;

const METHOD_NAMES: Readonly<Record<SignInMethodType, MessageKey>> = {
  password: 'method.password',
  phone: 'method.phone',
  microsoftAuthenticator: 'method.microsoftAuthenticator',
  fido2: 'method.fido2',
  email: 'method.email',
  softwareOath: 'method.softwareOath',
  temporaryAccessPass: 'method.temporaryAccessPass',
  windowsHelloForBusiness: 'method.windowsHelloForBusiness',
  platformCredential: 'method.platformCredential',
  other: 'method.other',
};

/** "Microsoft Authenticator: SM-A146B", or the kind alone when there is nothing to add. */
export function methodText(method: Pick<SignInMethod, 'type' | 'label'>): Text {
  const name = text(METHOD_NAMES[method.type]);
  return method.label ? text('method.withLabel', { method: name, label: method.label }) : name;
}

/**
 * Methods registered in the last `NEW_METHOD_DAYS`. A Temporary Access Pass is left out: only an
 * administrator can issue one, and the helpdesk's own pass would otherwise flag itself.
 */
export function newSignInMethodFindings(methods: readonly SignInMethod[], checkedAt: string): NewSignInMethodFinding[] {
  const since = Date.parse(checkedAt) - NEW_METHOD_DAYS * 24 * 3600_000;
  return methods
    .filter((method) => method.type !== 'password' && method.type !== 'temporaryAccessPass')
    .filter((method) => method.createdDateTime !== undefined && Date.parse(method.createdDateTime) >= since)
    .map((method) => ({
      kind: 'newSignInMethod',
      severity: 'warning',
      title: text('finding.newSignInMethod.title', { method: methodText(method) }),
      details: [text('finding.newSignInMethod.addedAt', { at: method.createdDateTime as string }), text('finding.newSignInMethod.advice')],
      methodId: method.id,
      methodType: method.type,
      label: method.label,
      addedAt: method.createdDateTime as string,
    }));
}

/** Findings that make the full list worth reading: the account may be someone else's, or MFA fails. */
function worthListing(findings: readonly Finding[]): boolean {
  return findings.some(
    (finding) =>
      finding.kind === 'userAtRisk' ||
      finding.kind === 'restrictedSender' ||
      finding.kind === 'suspiciousInboxRule' ||
      finding.kind === 'newSignInMethod' ||
      (finding.kind === 'failedSignIns' && finding.causes.some((cause) => cause.category.startsWith('mfa'))),
  );
}

export function signInMethodsFinding(methods: readonly SignInMethod[], others: readonly Finding[]): SignInMethodsFinding | undefined {
  if (!worthListing(others)) return undefined;
  const registered = methods.filter((method) => method.type !== 'password');
  const details: Text[] =
    registered.length === 0
      ? [text('finding.signInMethods.none')]
      : registered.map((method) =>
          method.createdDateTime ? text('finding.signInMethods.addedAt', { method: methodText(method), at: method.createdDateTime }) : methodText(method),
        );
  const pass = methods.find((method) => method.type === 'temporaryAccessPass');
  return {
    kind: 'signInMethods',
    severity: 'info',
    title: text('finding.signInMethods.title', { count: registered.length }),
    details,
    ...(pass ? { temporaryAccessPassSince: pass.createdDateTime ?? '' } : {}),
  };
}
