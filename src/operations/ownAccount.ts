/**
 * An end user's own account, as they may see it: "I can't send e-mail", "my mails bounce", "I'm locked
 * out on my laptop", "help". The account read is the asker's own — the `from.aadObjectId` Teams vouched
 * for, never a name or address from what they wrote — so nothing about another person can come out of
 * it. What it answers is a short list of situations in plain terms, not the findings an operator sees:
 * no sign-in logs, addresses, rules or risk details.
 */
import type { Actor } from '../domain/actor';
import type { Diagnosis, Finding } from '../domain/diagnosis';
import { diagnose, type DiagnosisOptions } from '../diagnosis/diagnose';
import type { DirectoryService, OperatorDirectory } from './ports';

/** Whether the asker can reset their password themselves (`userRegistrationDetails`). */
export type SelfServiceReset = 'registered' | 'notRegistered' | 'notEnabled' | 'unknown';

export type OwnSituation =
  /** Exchange stopped the account sending (mail bounces with 5.1.8) since `since`. */
  | { readonly kind: 'restrictedSender'; readonly since?: string }
  /** Smart lockout after wrong passwords; lifts by itself at the earliest at `until`. */
  | { readonly kind: 'smartLockout'; readonly until: string }
  /** An administrator turned sign-in off. */
  | { readonly kind: 'signInBlocked' }
  /** Sign-ins fail at the second step (a lost or new phone, an app that no longer answers). */
  | { readonly kind: 'mfaTrouble' }
  /** Recent sign-ins with a wrong or expired password. */
  | { readonly kind: 'wrongPassword'; readonly count: number }
  /** Identity Protection flags the account: the helpdesk will be in touch. */
  | { readonly kind: 'atRisk' };

export type OwnAccountResult =
  | { readonly kind: 'read'; readonly userPrincipalName: string; readonly situations: readonly OwnSituation[]; readonly selfServiceReset: SelfServiceReset }
  /** The directory could not be asked just now: the general guidance stands in. */
  | { readonly kind: 'unavailable' };

export interface OwnAccountDependencies {
  readonly directory: Pick<DirectoryService, 'findAndRead'>;
  /** The person's UPN, read with the operator check by object id (Teams does not send it). */
  readonly operators: Pick<OperatorDirectory, 'check'>;
  readonly diagnosis: DiagnosisOptions;
}

const MFA_CATEGORIES = new Set(['mfaRequired', 'mfaFailed', 'mfaRegistrationRequired']);
const PASSWORD_CATEGORIES = new Set(['wrongPassword', 'passwordExpired']);

export class OwnAccount {
  constructor(private readonly deps: OwnAccountDependencies) {}

  /** The asker's own account, by the object id Teams gave; undefined actor reads nothing. */
  async read(actor: Actor | undefined): Promise<OwnAccountResult> {
    if (!actor) return { kind: 'unavailable' };
    const identity = await this.deps.operators.check(actor.aadObjectId);
    if (identity.kind === 'unavailable' || !identity.userPrincipalName) return { kind: 'unavailable' };
    // By the UPN the directory gave for this object id (the mailbox address comes with it, for the
    // Exchange check); what comes back must be that same object, or nothing is said.
    const { found, read } = await this.deps.directory.findAndRead(identity.userPrincipalName);
    const self = found.kind === 'found' && found.users.length === 1 && !found.approximate ? found.users[0] : undefined;
    if (!self || self.id.toLowerCase() !== actor.aadObjectId.toLowerCase() || read?.kind !== 'ok') return { kind: 'unavailable' };
    const { registration } = read.state;
    const selfServiceReset: SelfServiceReset =
      registration.kind !== 'ok' || registration.value === null
        ? 'unknown'
        : registration.value.isSsprRegistered
          ? 'registered'
          : registration.value.isSsprEnabled
            ? 'notRegistered'
            : 'notEnabled';
    return { kind: 'read', userPrincipalName: identity.userPrincipalName, situations: situationsOf(diagnose(read.state, this.deps.diagnosis)), selfServiceReset };
  }
}

/** The findings an end user can act on or should know of, most pressing first. */
export function situationsOf(diagnosis: Diagnosis): OwnSituation[] {
  const situations: OwnSituation[] = [];
  for (const finding of diagnosis.findings) situations.push(...situationOf(finding));
  const order: readonly OwnSituation['kind'][] = ['signInBlocked', 'restrictedSender', 'atRisk', 'smartLockout', 'mfaTrouble', 'wrongPassword'];
  return situations.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

function situationOf(finding: Finding): OwnSituation[] {
  switch (finding.kind) {
    case 'restrictedSender':
      return [{ kind: 'restrictedSender', ...(finding.since ? { since: finding.since } : {}) }];
    case 'smartLockout':
      return [{ kind: 'smartLockout', until: finding.estimatedUnlockAt }];
    case 'signInBlocked':
      return [{ kind: 'signInBlocked' }];
    case 'userAtRisk':
      return [{ kind: 'atRisk' }];
    case 'failedSignIns': {
      const mfa = finding.causes.some((cause) => MFA_CATEGORIES.has(cause.category));
      const password = finding.causes.filter((cause) => PASSWORD_CATEGORIES.has(cause.category)).reduce((sum, cause) => sum + cause.count, 0);
      return [...(mfa ? [{ kind: 'mfaTrouble' } as const] : []), ...(password > 0 ? [{ kind: 'wrongPassword', count: password } as const] : [])];
    }
    default:
      return [];
  }
}
