/**
 * Who may do what, here: the one place that answers "may this actor see this account, or run this
 * step on this target, in this conversation?". Pure: the use cases gather the facts (the operator
 * check, the card record, a fresh read of the target) and ask; nothing else decides.
 *
 * Where account details may be shown: a 1:1 chat is seen by the operator alone; a helpdesk channel
 * (configured by its id) by the helpdesk team. Anywhere else (other channels, group chats with
 * colleagues) Unlock gives help only: a findings card names forwarding addresses, risk and who did
 * what, which the people there have no business seeing.
 */
import type { UnavailableCause } from '../domain/account';
import type { Place } from '../domain/actor';
import type { Diagnosis, RemediationStep } from '../domain/diagnosis';
import type { Text } from '../i18n/text';
import { stepDefinition } from '../steps/registry';
import type { RateLimit, SingleWriteStep, StepDefinition, VerificationMethod } from '../steps/step';
import type { CardOffer, OperatorCheck, TeamsConfirmation } from './ports';

export type Surface = 'personal' | 'helpdeskChannel' | 'elsewhere';

export function surfaceOf(place: Place, helpdeskChannelIds: readonly string[]): Surface {
  if (place.conversationType === 'personal') {
    return 'personal';
  }
  if (place.conversationType === 'channel' && place.channelId !== undefined && helpdeskChannelIds.includes(place.channelId)) {
    return 'helpdeskChannel';
  }
  return 'elsewhere';
}

export function showsAccountDetails(surface: Surface): boolean {
  return surface !== 'elsewhere';
}

/** Someone's earlier action, as a claim or the audit trail tells it. */
export interface PriorAction {
  /** The `aadObjectId` of who acted, so the answer can say "you". */
  readonly by?: string;
  readonly name: string;
  readonly at: string;
  /** The step that was taken, which may differ from the one asked for when both share a claim. */
  readonly step?: string;
}

/** Why a step does not run; every one of these changes nothing in the tenant. */
export type Refusal =
  | { readonly kind: 'notOperator' }
  | { readonly kind: 'notPersonalChat' }
  | { readonly kind: 'notOffered' }
  /** The card was offered in another conversation: copied or replayed here. */
  | { readonly kind: 'otherConversation' }
  | { readonly kind: 'staleCard'; readonly ageMinutes: number }
  /** `until`: when the step may be done again on this user. */
  | { readonly kind: 'alreadyClaimed'; readonly by: PriorAction; readonly until: string }
  | { readonly kind: 'privilegedTarget'; readonly roles: readonly string[] }
  /** A helpdesk operator, or a member of a protected group. */
  | { readonly kind: 'protectedTarget'; readonly reason: 'operator' | 'protectedGroup' }
  | { readonly kind: 'rolesUnknown' }
  | { readonly kind: 'notNeeded'; readonly diagnosis: Diagnosis; readonly doneBy?: PriorAction }
  | { readonly kind: 'userNotFound' }
  /** This confirmation card was used already: a "Yes" acts once. */
  | { readonly kind: 'confirmationUsed' }
  /** The operator did not say how the requester was verified, for a step that needs it. */
  | { readonly kind: 'notVerified' }
  /** Lifting a protection on a compromised-looking account before it is secured. */
  | { readonly kind: 'secureFirst'; readonly open: readonly RemediationStep[] }
  /** The step itself found it cannot run for this user (a policy that excludes them); said in its words. */
  | { readonly kind: 'cannotRun'; readonly reason: Text; readonly details: readonly Text[] }
  | { readonly kind: 'unavailable'; readonly cause: UnavailableCause; readonly requestId?: string }
  | LimitReached
  /** "Confirmed in Teams" was chosen, but no Yes from the person asked is waiting for this operator, target and step. */
  | { readonly kind: 'notConfirmedInTeams' }
  /** The person asked in Teams answered No: the step is refused and the helpdesk alerted. */
  | { readonly kind: 'deniedInTeams'; readonly by: PriorAction };

/** Past a limit on how often a step runs: refused until the oldest counted write leaves the window. */
export interface LimitReached {
  readonly kind: 'limitReached';
  /** Whose count is full: the operator's own, or the target's (by every operator together). */
  readonly scope: 'operator' | 'target';
  readonly max: number;
  readonly windowMinutes: number;
  /** Writes already counted in the window. */
  readonly count: number;
  /** When the next one is allowed again. */
  readonly freesAt: string;
}

/**
 * Whether one more write fits the limit, given the writes counted in its window. Decided inside the
 * ledger's conditional write (`WriteLedger.record`), so the answer and the count cannot drift apart.
 */
export function withinLimit(scope: LimitReached['scope'], limit: RateLimit, recent: readonly { readonly at: string }[]): LimitReached | undefined {
  if (recent.length < limit.max) return undefined;
  const times = recent.map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
  // The window frees a slot when the entry that keeps the count at `max` leaves it.
  const oldestThatCounts = times[times.length - limit.max] ?? Date.now();
  return {
    kind: 'limitReached',
    scope,
    max: limit.max,
    windowMinutes: limit.windowMinutes,
    count: recent.length,
    freesAt: new Date(oldestThatCounts + limit.windowMinutes * 60_000).toISOString(),
  };
}

/** Checking accounts, and seeing their history, is for operators only. */
export function mayCheckAccounts(access: OperatorCheck): Extract<Refusal, { kind: 'notOperator' | 'unavailable' }> | undefined {
  if (access.kind === 'operator') return undefined;
  if (access.kind === 'unavailable') return { kind: 'unavailable', cause: access.cause, ...(access.requestId ? { requestId: access.requestId } : {}) };
  return { kind: 'notOperator' };
}

export function sameStep(a: RemediationStep, b: RemediationStep): boolean {
  return a.id === b.id && (a.itemId ?? '') === (b.itemId ?? '');
}

export interface StepRequest {
  readonly step: StepDefinition;
  readonly offered: RemediationStep;
  readonly offer: CardOffer;
  readonly place: Place;
  readonly now: Date;
  /** A card older than this asks for a fresh check instead of changing the account. */
  readonly cardMaxAgeMinutes: number;
}

/**
 * Before anything is asked of Graph: the step must be one the card offered, and a secret is made
 * only where it can reach the operator alone: in a 1:1 chat, or from a helpdesk channel (the card
 * actions refuse every other channel first), whose secret goes to the clicker's own 1:1 chat.
 */
export function mayRequestStepHere(request: StepRequest): Refusal | undefined {
  const { step, offered, offer, place } = request;
  if (!offer.diagnosis.steps.some((candidate) => sameStep(candidate, offered))) {
    return { kind: 'notOffered' };
  }
  // A card acts only where it was shown: a copy pasted or replayed into another chat is refused.
  if (offer.conversationId !== place.conversationId) {
    return { kind: 'otherConversation' };
  }
  if (step.kind === 'write' && step.showsSecret && place.conversationType !== 'personal' && place.conversationType !== 'channel') {
    return { kind: 'notPersonalChat' };
  }
  return undefined;
}

/**
 * Where a secret made at this click is shown. In a 1:1 chat: the answer to the click itself, which
 * only the clicker sees. From a channel: only the clicker's 1:1 chat with the bot, never the channel,
 * whose cards (and their edits) every member reads.
 */
export function secretGoesToPrivateChat(place: Place): boolean {
  return place.conversationType !== 'personal';
}

/**
 * "Show actions" on a shared card: the buttons go to an operator (checked at the click), and only in
 * the conversation the card was shown in; anyone else gets the read-only card back, told nothing.
 */
export function mayShowActionsHere(operatorRefusal: Refusal | undefined, offer: CardOffer, place: Place): boolean {
  return operatorRefusal === undefined && offer.conversationId === place.conversationId;
}

/** Once the actor is known to be an operator: a change needs a card fresh enough to trust. */
export function isCardFreshEnough(request: StepRequest): Refusal | undefined {
  const ageMinutes = Math.floor((request.now.getTime() - Date.parse(request.offer.checkedAt)) / 60_000);
  if (request.step.kind === 'write' && ageMinutes >= request.cardMaxAgeMinutes) {
    return { kind: 'staleCard', ageMinutes };
  }
  return undefined;
}

/**
 * After a fresh read of the target: never a privileged target, no change while its roles are
 * unknown, and only a step the account still needs (`undefined` with `notNeeded` is for the caller
 * to complete with who did it).
 */
export function mayActOnTarget(step: StepDefinition, offered: RemediationStep, diagnosis: Diagnosis): Refusal | undefined {
  if (diagnosis.privileged) {
    const protectedBy = diagnosis.findings.find((finding) => finding.kind === 'protectedTarget');
    if (protectedBy?.kind === 'protectedTarget') {
      return { kind: 'protectedTarget', reason: protectedBy.reason };
    }
    const privileged = diagnosis.findings.find((finding) => finding.kind === 'privilegedTarget');
    return { kind: 'privilegedTarget', roles: privileged?.kind === 'privilegedTarget' ? privileged.roles : [] };
  }
  if (diagnosis.rolesUnknown && step.kind === 'write') {
    return { kind: 'rolesUnknown' };
  }
  if (!diagnosis.steps.some((candidate) => sameStep(candidate, offered))) {
    return { kind: 'notNeeded', diagnosis };
  }
  // At risk or blocked from sending: no sign-in allowed and no sending unblocked until the password
  // is new and the sessions revoked since the risky event.
  if (step.kind === 'write' && step.liftsAfterSecuring && diagnosis.compromised) {
    const open = diagnosis.stillOpen.filter((candidate) => {
      const definition = stepDefinition(candidate.id);
      return definition?.kind === 'write' && definition.requiredBeforeLifting === true;
    });
    if (open.length > 0) return { kind: 'secureFirst', open };
  }
  return undefined;
}

/** Whether the operator must say how the requester was verified before this step runs on this account. */
export function needsVerification(step: StepDefinition, diagnosis: Diagnosis): boolean {
  if (step.kind !== 'write') return false;
  // A step made of others asks whenever one of its parts would: one answer covers them all.
  if (step.runs === 'openSecuringSteps') return securingParts(diagnosis).some(({ definition }) => needsVerification(definition, diagnosis));
  if (step.verification === undefined) return false;
  return step.verification === 'always' || diagnosis.compromised;
}

/** The securing steps still open on this account, each with its definition: what a bundled step runs, in order. */
export function securingParts(diagnosis: Diagnosis): { readonly step: RemediationStep; readonly definition: SingleWriteStep }[] {
  return diagnosis.stillOpen.flatMap((step) => {
    const definition = stepDefinition(step.id);
    return definition?.kind === 'write' && definition.runs === undefined ? [{ step, definition }] : [];
  });
}

/** At the confirming click: a step that needs verification runs only with the operator's answer. */
export function isVerified(step: StepDefinition, diagnosis: Diagnosis, verifiedBy: VerificationMethod | undefined): Refusal | undefined {
  return needsVerification(step, diagnosis) && verifiedBy === undefined ? { kind: 'notVerified' } : undefined;
}

/** A Teams channel conversation without its thread (`19:…@thread.tacv2;messageid=…` → `19:…@thread.tacv2`). */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/**
 * A help-request card acts only in the channel it was posted to (any thread of it): a copy shown
 * anywhere else, or a request that never reached a channel, is refused like a findings card from
 * another chat. Who may act is the operator check, as for checking accounts.
 */
export function mayActOnHelpRequestHere(postedTo: string | undefined, place: Place): Extract<Refusal, { kind: 'otherConversation' }> | undefined {
  return postedTo !== undefined && channelConversationId(place.conversationId) === postedTo ? undefined : { kind: 'otherConversation' };
}

/**
 * Withdrawing a help request is the asker's alone (`from.aadObjectId` against the stored requester),
 * from the chat they asked in; anyone else, or a copy elsewhere, is told nothing of the request.
 */
export function mayWithdrawHelpRequest(
  actorId: string | undefined,
  request: { readonly requester: { readonly aadObjectId: string }; readonly requesterAddress: { readonly conversationId: string } } | undefined,
  place: Place,
): { readonly kind: 'notRequester' } | undefined {
  if (!request || actorId === undefined || request.requester.aadObjectId !== actorId) return { kind: 'notRequester' };
  return request.requesterAddress.conversationId === place.conversationId ? undefined : { kind: 'notRequester' };
}

/**
 * A question asked in Teams ("was that you?") is answered only by the person it was asked of
 * (`from.aadObjectId`, never the card's data), in a 1:1 chat with Unlock, while it is still open.
 * The 1:1 chat is recognised by its type, not by the id the question was sent to: Graph names the
 * chat `19:…@unq.gbl.spaces` while Teams may send the answer with its Bot Framework id (`a:…`), and a
 * personal conversation of this bot with that person is that person's chat with Unlock and no other.
 */
export function mayAnswerTeamsConfirmation(
  question: Pick<TeamsConfirmation, 'asked' | 'state' | 'expiresAt'>,
  actorId: string | undefined,
  place: Place,
  now: Date,
): boolean {
  return (
    actorId !== undefined &&
    actorId === question.asked.id &&
    place.conversationType === 'personal' &&
    question.state === 'pending' &&
    now.getTime() < Date.parse(question.expiresAt)
  );
}

/** A Yes lets only the operator who asked run only that step on only that user, once, for a few minutes. */
export function mayUseTeamsConfirmation(
  question: Pick<TeamsConfirmation, 'operator' | 'target' | 'step' | 'state' | 'grantUntil'>,
  operatorId: string,
  targetId: string,
  step: { readonly id: string; readonly itemId?: string },
  now: Date,
): boolean {
  return (
    question.state === 'confirmed' &&
    question.operator.aadObjectId === operatorId &&
    question.target.id === targetId &&
    question.step.id === step.id &&
    (question.step.itemId ?? '') === (step.itemId ?? '') &&
    question.grantUntil !== undefined &&
    now.getTime() < Date.parse(question.grantUntil)
  );
}
