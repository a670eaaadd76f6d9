/**
 * "Confirmed by the user in Teams": instead of the operator's word, Unlock asks the affected user (or
 * their manager) in their 1:1 chat with Unlock — "The helpdesk is about to reset your password at
 * your request. Was that you?" — installing the app for them through Graph when needed. A Yes lets that
 * step run for that operator on that user, once, for a few minutes; a No refuses it, is audited, tells
 * the operator and alerts the helpdesk. The question lives server-side; its card carries only its id,
 * and who may answer is `policy.mayAnswerTeamsConfirmation`'s call.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Place } from '../domain/actor';
import type { AuditRecord } from '../domain/audit';
import type { PersonRef } from '../domain/helpRequest';
import type { HelpdeskAlert } from './alerts';
import { mayAnswerTeamsConfirmation, mayUseTeamsConfirmation } from './policy';
import type { AskedPerson, AuditLog, ConversationAddress, LanguagePreferences, TeamsConfirmation, TeamsConfirmationStore, TeamsReach } from './ports';

/** How long the person asked has to answer. */
export const QUESTION_MINUTES = 5;
/** How long a Yes lets the operator go on. */
export const GRANT_MINUTES = 5;

/** Proactive messages for confirmations: the Teams edge implements it (`src/teams/teamsConfirmationTurns.ts`). */
export interface ConfirmationMessenger {
  /** Sends the question to the asked person's 1:1 chat (`confirmation.chatId`). */
  ask(confirmation: TeamsConfirmation): Promise<void>;
  /** Tells the operator the answer, where they asked: a Yes with a way to go on, a No with what it means. */
  tellOperator(confirmation: TeamsConfirmation): Promise<void>;
}

export interface TeamsConfirmationsDependencies {
  readonly store: TeamsConfirmationStore;
  readonly reach: TeamsReach;
  readonly messenger: ConfirmationMessenger;
  readonly audit: AuditLog;
  readonly alert: (alert: HelpdeskAlert) => Promise<unknown>;
  /** The language the asked person chose, if any: the question goes in it (else in the operator's). */
  readonly languages?: Pick<LanguagePreferences, 'languageOf'>;
  /** A question or notice that could not be delivered (logged; never with more than ids). */
  readonly onDeliveryError?: (error: unknown, what: string) => void;
  readonly now?: () => Date;
}

export interface AskRequest {
  readonly operator: PersonRef;
  readonly operatorAddress: ConversationAddress;
  readonly locale: string;
  readonly cardId: string;
  readonly step: TeamsConfirmation['step'];
  readonly target: TeamsConfirmation['target'];
  readonly method: TeamsConfirmation['method'];
}

export type AskResult =
  | { readonly kind: 'asked'; readonly confirmation: TeamsConfirmation }
  /** Asking the manager, and the directory names none. */
  | { readonly kind: 'noManager' }
  /** The person who would be asked is the operator asking: nobody confirms their own request. */
  | { readonly kind: 'askedIsOperator' }
  /** The person could not be reached in Teams (the app could not be installed, the chat not read, the message not sent). */
  | { readonly kind: 'notReached'; readonly asked?: AskedPerson };

export type AnswerResult = { readonly kind: 'answered'; readonly confirmation: TeamsConfirmation } | { readonly kind: 'gone' };

/** Where the latest question for this operator, user and step stands. */
export type StepConfirmation =
  | { readonly kind: 'none' }
  | { readonly kind: 'confirmed'; readonly confirmation: TeamsConfirmation }
  | { readonly kind: 'denied'; readonly confirmation: TeamsConfirmation };

/** A No keeps refusing the step for as long as a findings card may act. */
const DENIAL_HOLDS_MINUTES = 15;

export function confirmationKey(operatorId: string, targetId: string, step: { readonly id: string; readonly itemId?: string }): string {
  return `${operatorId}/${targetId}/${step.itemId ? `${step.id}:${step.itemId}` : step.id}`;
}

export class TeamsConfirmations {
  constructor(private readonly deps: TeamsConfirmationsDependencies) {}

  /**
   * Sends the question; the operator's step waits for the answer. A question still open for the same
   * operator, user, step and method is not sent again: clicking Yes repeatedly must not flood the
   * person with prompts until one is accepted by mistake (the MFA-fatigue pattern).
   */
  async ask(request: AskRequest): Promise<AskResult> {
    const key = confirmationKey(request.operator.aadObjectId, request.target.id, request.step);
    const openId = await this.deps.store.latest(key);
    const open = openId ? await this.deps.store.get(openId) : undefined;
    if (open && open.state === 'pending' && open.method === request.method && this.now().getTime() < Date.parse(open.expiresAt)) {
      return { kind: 'asked', confirmation: open };
    }
    let asked: AskedPerson = { id: request.target.id, displayName: request.target.displayName };
    if (request.method === 'managerInTeams') {
      const manager = await this.deps.reach.manager(request.target.id);
      if (manager.kind === 'none') return { kind: 'noManager' };
      if (manager.kind === 'unavailable') return { kind: 'notReached' };
      asked = manager.manager;
    }
    // An operator who is the user's manager would be answering their own question (and a stolen
    // operator account would vouch for itself).
    if (asked.id === request.operator.aadObjectId) return { kind: 'askedIsOperator' };
    const chat = await this.deps.reach.personalChat(asked.id);
    if (chat.kind !== 'found') {
      this.deps.onDeliveryError?.(new Error(chat.why), 'confirmation question (reaching the person)');
      return { kind: 'notReached', asked };
    }
    // A question in a language the person does not read gets a Yes by mistake, or no answer.
    const askedLocale = (await this.deps.languages?.languageOf(asked.id).catch(() => undefined)) ?? request.locale;
    const now = this.now();
    const confirmation: TeamsConfirmation = {
      id: randomUUID(),
      operator: request.operator,
      operatorAddress: request.operatorAddress,
      locale: request.locale,
      askedLocale,
      cardId: request.cardId,
      step: request.step,
      target: request.target,
      method: request.method,
      asked,
      chatId: chat.chatId,
      askedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + QUESTION_MINUTES * 60_000).toISOString(),
      state: 'pending',
    };
    await this.deps.store.create(confirmation);
    await this.deps.store.setLatest(key, confirmation.id);
    try {
      await this.deps.messenger.ask(confirmation);
    } catch (error) {
      this.deps.onDeliveryError?.(error, 'confirmation question');
      return { kind: 'notReached', asked };
    }
    return { kind: 'asked', confirmation };
  }

  /**
   * Yes or No on the question's card. Only the person asked, in their 1:1 chat, while it is open, and
   * once: anyone else, a replay, a late or a made-up answer changes nothing and is told only that the
   * question is gone.
   */
  async answer(actor: Actor | undefined, place: Place, id: string, yes: boolean): Promise<AnswerResult> {
    const now = this.now();
    const found = await this.deps.store.get(id);
    if (!found || !mayAnswerTeamsConfirmation(found, actor?.aadObjectId, place, now) || !actor) return { kind: 'gone' };
    const by: PersonRef = { aadObjectId: actor.aadObjectId, name: actor.name ?? found.asked.displayName };
    const answered = await this.deps.store.update(id, (current) =>
      mayAnswerTeamsConfirmation(current, actor.aadObjectId, place, now)
        ? {
            ...current,
            state: yes ? 'confirmed' : 'denied',
            answer: { by, at: now.toISOString(), conversationId: place.conversationId },
            ...(yes ? { grantUntil: new Date(now.getTime() + GRANT_MINUTES * 60_000).toISOString() } : {}),
          }
        : undefined,
    );
    if (answered.kind !== 'updated') return { kind: 'gone' };
    const confirmation = answered.value;
    if (!yes) {
      await this.deps.audit.append(deniedRecord(confirmation, now));
      await this.deps.alert({
        kind: 'deniedInTeams',
        operator: confirmation.operator,
        target: confirmation.target,
        step: confirmation.step.id,
        answeredBy: by,
        asked: confirmation.method === 'userInTeams' ? 'user' : 'manager',
        at: now.toISOString(),
      });
    }
    try {
      await this.deps.messenger.tellOperator(confirmation);
    } catch (error) {
      this.deps.onDeliveryError?.(error, 'confirmation answer to the operator');
    }
    return { kind: 'answered', confirmation };
  }

  /**
   * The latest question for this operator, user and step: a Yes still usable, a recent No, or neither.
   * With `method`, a Yes counts only for the method that was asked (the user's Yes is not the manager's).
   */
  async forStep(
    operatorId: string,
    targetId: string,
    step: { readonly id: string; readonly itemId?: string },
    method?: TeamsConfirmation['method'],
  ): Promise<StepConfirmation> {
    const now = this.now();
    const id = await this.deps.store.latest(confirmationKey(operatorId, targetId, step));
    const confirmation = id ? await this.deps.store.get(id) : undefined;
    if (!confirmation || confirmation.operator.aadObjectId !== operatorId || confirmation.target.id !== targetId) return { kind: 'none' };
    if (mayUseTeamsConfirmation(confirmation, operatorId, targetId, step, now)) {
      return method === undefined || method === confirmation.method ? { kind: 'confirmed', confirmation } : { kind: 'none' };
    }
    const answeredAt = confirmation.answer ? Date.parse(confirmation.answer.at) : Number.NaN;
    if (confirmation.state === 'denied' && now.getTime() - answeredAt < DENIAL_HOLDS_MINUTES * 60_000) return { kind: 'denied', confirmation };
    return { kind: 'none' };
  }

  /** Takes the Yes for the one write it allows: true for exactly one caller, however many race. */
  async use(id: string, operatorId: string, targetId: string, step: { readonly id: string; readonly itemId?: string }): Promise<boolean> {
    const now = this.now();
    const used = await this.deps.store.update(id, (current) =>
      mayUseTeamsConfirmation(current, operatorId, targetId, step, now) ? { ...current, state: 'used' } : undefined,
    );
    return used.kind === 'updated';
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}

/** The audit record of a No: the operator's step refused, with who said No and when. */
function deniedRecord(confirmation: TeamsConfirmation, now: Date): AuditRecord {
  const { step, target, operator, answer } = confirmation;
  return {
    at: now.toISOString(),
    actionId: `${confirmation.cardId}/${step.itemId ? `${step.id}:${step.itemId}` : step.id}`,
    actor: { aadObjectId: operator.aadObjectId, name: operator.name },
    place: { conversationId: confirmation.operatorAddress.conversationId },
    target,
    step: step.id,
    ...(step.itemId ? { itemId: step.itemId } : {}),
    verifiedBy: confirmation.method,
    ...(answer ? { answeredInTeams: { aadObjectId: answer.by.aadObjectId, name: answer.by.name, at: answer.at, answer: 'no' as const } } : {}),
    outcome: { kind: 'refused', reason: 'deniedInTeams' },
  };
}
