/**
 * What the recent sign-ins say: a smart lockout, and the other failures summarised by cause.
 * Time comes from `checkedAt` only, so the same state always gives the same answer.
 */
import type { AccountState, SignInEvent } from '../domain/account';
import type { MessageKey } from '../i18n/catalogue';
import { text, type Text } from '../i18n/text';
import { NORMAL_INTERRUPTS, PASSWORD_FAILURES, classifySignIn, isFailure } from './signInErrors';
import type { FailedSignInCause, FailedSignInsFinding, SignInFailureCategory, SmartLockoutFinding } from '../domain/diagnosis';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Entra's default lockout lasts 60 seconds and grows on each repeat by an undisclosed rate, so
 * "last lockout + 60 s" is the earliest the lock can lift, not a promise.
 * https://learn.microsoft.com/en-us/entra/identity/authentication/howto-password-smart-lockout
 */
const DEFAULT_LOCKOUT_MS = 60 * 1000;

export interface RecentFailure {
  readonly event: SignInEvent;
  readonly at: number;
  readonly category: SignInFailureCategory;
  readonly meaning: MessageKey;
}

/**
 * Failures of the last 24 hours. Password failures (lockout, wrong or expired password) from before
 * the last password change are dropped too: the new password made them irrelevant. "Account
 * disabled" failures (50057) are never listed: while sign-in is blocked, that finding already says
 * so (one finding, not two), and once the account is enabled their cause is gone.
 */
export function recentFailures(state: AccountState, signIns: readonly SignInEvent[]): RecentFailure[] {
  const checkedAt = Date.parse(state.checkedAt);
  const dayAgo = checkedAt - DAY_MS;
  const passwordChangedAt = parseTime(state.user.lastPasswordChangeDateTime) ?? Number.NEGATIVE_INFINITY;
  const failures: RecentFailure[] = [];
  for (const event of signIns) {
    if (!isFailure(event)) continue;
    const at = parseTime(event.createdDateTime);
    if (at === undefined || at < dayAgo) continue;
    const { category, meaning } = classifySignIn(event);
    if (PASSWORD_FAILURES.has(category) && at <= passwordChangedAt) continue;
    if (category === 'accountDisabled') continue;
    failures.push({ event, at, category, meaning });
  }
  return failures;
}

/** `callerDoubt`: a verification warning says the caller may not be the user, so "fastest way back in" is not the advice. */
export function smartLockoutFinding(failures: readonly RecentFailure[], checkedAtIso: string, callerDoubt = false): SmartLockoutFinding | undefined {
  const lockouts = failures.filter((f) => f.category === 'lockedOut');
  const last = latest(lockouts);
  if (last === undefined) return undefined;
  const estimatedUnlockAt = new Date(last.at + DEFAULT_LOCKOUT_MS).toISOString();
  const stillLocked = Date.parse(checkedAtIso) < last.at + DEFAULT_LOCKOUT_MS;
  const lastLockoutAt = last.event.createdDateTime;
  const count = lockouts.length;
  return {
    kind: 'smartLockout',
    severity: stillLocked ? 'blocking' : 'warning',
    title: text(stillLocked ? 'finding.smartLockout.title' : 'finding.smartLockout.titleLifted'),
    details: [
      text('finding.smartLockout.lastLockout', { count, at: lastLockoutAt }),
      text(stillLocked ? 'finding.smartLockout.unlocksAt' : 'finding.smartLockout.probablyLifted', { at: estimatedUnlockAt }),
      text('finding.smartLockout.growsOnRepeat'),
      text(callerDoubt ? 'finding.smartLockout.adviceCallerDoubt' : 'finding.smartLockout.advice'),
    ],
    lastLockoutAt,
    estimatedUnlockAt,
    lockoutCount: count,
  };
}

/** Every failure except lockouts (their own finding), grouped by code and cause, most frequent first. */
export function failedSignInsFinding(failures: readonly RecentFailure[]): FailedSignInsFinding | undefined {
  const others = failures.filter((f) => f.category !== 'lockedOut');
  if (others.length === 0) return undefined;
  const causes = summariseCauses(others);
  const categories = new Set(causes.map((c) => c.category));
  // Only MFA prompts: the normal interrupt before the user approves, so not a problem in itself.
  const onlyInterrupts = [...categories].every((c) => NORMAL_INTERRUPTS.has(c));
  return {
    kind: 'failedSignIns',
    severity: onlyInterrupts ? 'info' : 'warning',
    title: text('finding.failedSignIns.title', { count: others.length }),
    details: [...causes.map((c) => c.meaning), ...adviceFor(categories)],
    causes,
    total: others.length,
  };
}

function summariseCauses(failures: readonly RecentFailure[]): FailedSignInCause[] {
  const groups = new Map<string, RecentFailure[]>();
  for (const failure of failures) {
    // 50053 can land in two categories, so the code alone is not the key.
    const key = `${failure.event.errorCode}:${failure.category}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [failure]);
    else group.push(failure);
  }
  const causes = [...groups.values()].map((group) => {
    const last = latest(group) as RecentFailure;
    return {
      errorCode: last.event.errorCode,
      category: last.category,
      count: group.length,
      lastAt: last.event.createdDateTime,
      meaning: text(last.meaning, { count: group.length, code: last.event.errorCode }),
    };
  });
  return causes.sort(
    (a, b) => b.count - a.count || Date.parse(b.lastAt) - Date.parse(a.lastAt) || a.errorCode - b.errorCode,
  );
}

function adviceFor(categories: ReadonlySet<SignInFailureCategory>): Text[] {
  const has = (...wanted: SignInFailureCategory[]): boolean => wanted.some((c) => categories.has(c));
  const advice: Text[] = [];
  if (has('wrongPassword', 'passwordExpired', 'noPassword')) advice.push(text('finding.failedSignIns.advicePassword'));
  if (has('maliciousIp')) advice.push(text('finding.failedSignIns.adviceMaliciousIp'));
  if (has('conditionalAccess', 'securityPolicy', 'deviceRequired')) advice.push(text('finding.failedSignIns.adviceAccessPolicy'));
  if (has('mfaFailed', 'mfaRegistrationRequired', 'riskBlocked')) advice.push(text('finding.failedSignIns.adviceMfa'));
  if ([...categories].every((c) => NORMAL_INTERRUPTS.has(c))) advice.push(text('finding.failedSignIns.mfaPromptsOnly'));
  return advice;
}

function latest(failures: readonly RecentFailure[]): RecentFailure | undefined {
  let newest: RecentFailure | undefined;
  for (const failure of failures) if (newest === undefined || failure.at > newest.at) newest = failure;
  return newest;
}

function parseTime(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
