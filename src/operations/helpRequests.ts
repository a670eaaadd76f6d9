/**
 * Help requests: an end user asks the helpdesk (for themselves or for a colleague), the request is
 * stored and its card posted to the channel an operator chose; operators take and resolve it, the
 * posted card is kept true for everyone and the asker is told of each change. Who may do what is the
 * operator check (`AccountChecks.refusalFor`) and `policy.ts`, asked at every click.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, Place } from '../domain/actor';
import type { PersonRef } from '../domain/helpRequest';
import type { AccountChecks } from './checkAccount';
import { mayActOnHelpRequestHere, type Refusal } from './policy';
import type { ConversationAddress, HelpChannelStore, HelpDraft, HelpDraftStore, HelpdeskMessenger, HelpRequestRecord, HelpRequestStore } from './ports';

type NotAllowed = Extract<Refusal, { kind: 'notOperator' | 'unavailable' }>;

/** What someone wrote is kept to this many characters: enough to read, not a place to paste documents. */
export const MAX_WRITTEN_LENGTH = 500;

/** How many requests `requests` shows. */
export const LISTED_REQUESTS = 10;

export interface HelpRequestsDependencies {
  readonly accounts: Pick<AccountChecks, 'refusalFor'>;
  readonly channel: HelpChannelStore;
  readonly requests: HelpRequestStore;
  readonly drafts: HelpDraftStore;
  readonly messenger: HelpdeskMessenger;
  /** A proactive message that could not be delivered: logged; the request and its change stand. */
  readonly onDeliveryError?: (error: unknown, what: string) => void;
  readonly now?: () => Date;
}

export type RaiseResult =
  | { readonly kind: 'posted'; readonly request: HelpRequestRecord }
  /** Stored, but there is no help-request channel: the asker is told whom to contact. */
  | { readonly kind: 'noChannel'; readonly request: HelpRequestRecord }
  /** Stored, but posting to the channel failed just now: the asker is told whom to contact. */
  | { readonly kind: 'notDelivered'; readonly request: HelpRequestRecord }
  | { readonly kind: 'alreadyRaised'; readonly request: HelpRequestRecord }
  /** The button's draft is gone, or was not this person's. */
  | { readonly kind: 'gone' };

export type ChangeResult =
  | { readonly kind: 'changed'; readonly request: HelpRequestRecord }
  /** Taken or resolved already, by whom the request says. */
  | { readonly kind: 'unchanged'; readonly request: HelpRequestRecord }
  | { readonly kind: 'gone' }
  | Extract<Refusal, { kind: 'otherConversation' }>
  | NotAllowed;

export type ListResult =
  | { readonly kind: 'listed'; readonly requests: readonly HelpRequestRecord[] }
  | Extract<Refusal, { kind: 'otherConversation' }>
  | NotAllowed;

export class HelpRequests {
  constructor(private readonly deps: HelpRequestsDependencies) {}

  /** "use this channel for help requests": operators only. */
  async useChannel(actor: Actor | undefined, address: ConversationAddress, locale: string): Promise<NotAllowed | undefined> {
    const refusal = await this.deps.accounts.refusalFor(actor);
    if (refusal || !actor) return refusal ?? { kind: 'notOperator' };
    await this.deps.channel.set({ address, setBy: personOf(actor), setAt: this.now().toISOString(), locale });
    return undefined;
  }

  /** Keeps what an "Ask the helpdesk" button would raise; the button carries the id. */
  draft(draft: HelpDraft): Promise<string> {
    return this.deps.drafts.add({ ...draft, wrote: draft.wrote.slice(0, MAX_WRITTEN_LENGTH) });
  }

  /** The button was clicked: raise the draft, once, and only for the person it was made for. */
  async raiseDraft(actor: Actor | undefined, draftId: string): Promise<RaiseResult> {
    const draft = await this.deps.drafts.get(draftId);
    if (!draft || !actor || draft.requester.aadObjectId !== actor.aadObjectId) {
      return { kind: 'gone' };
    }
    return this.raise(draft, draftId);
  }

  /** Stores the request, then posts its card to the help channel when there is one. */
  async raise(draft: HelpDraft, id: string = randomUUID()): Promise<RaiseResult> {
    const at = this.now().toISOString();
    const request: HelpRequestRecord = {
      id,
      requester: draft.requester,
      requestedFor: draft.requestedFor,
      wrote: draft.wrote.slice(0, MAX_WRITTEN_LENGTH),
      status: 'open',
      createdAt: at,
      updatedAt: at,
      requesterAddress: draft.address,
      locale: draft.locale,
    };
    if (!(await this.deps.requests.create(request))) {
      const existing = await this.deps.requests.get(id);
      return existing ? { kind: 'alreadyRaised', request: existing } : { kind: 'gone' };
    }
    const channel = await this.deps.channel.get();
    if (!channel) {
      return { kind: 'noChannel', request };
    }
    let activityId: string | undefined;
    try {
      activityId = await this.deps.messenger.postRequest(channel, request);
    } catch (error) {
      this.deps.onDeliveryError?.(error, 'help request card');
    }
    if (!activityId) {
      return { kind: 'notDelivered', request };
    }
    const posted = { address: channel.address, activityId, locale: channel.locale };
    const saved = await this.deps.requests.update(id, (current) => ({ ...current, posted }));
    return { kind: 'posted', request: saved.kind === 'missing' ? { ...request, posted } : saved.value };
  }

  /** Take: an open request gets the operator's name. */
  take(actor: Actor | undefined, requestId: string, place: Place): Promise<ChangeResult> {
    return this.change(actor, requestId, place, (current, change) =>
      current.status === 'open' ? { ...current, status: 'taken', takenBy: change, updatedAt: change.at } : undefined,
    );
  }

  /** Resolve: an open or taken request is resolved, with the operator's name. */
  resolve(actor: Actor | undefined, requestId: string, place: Place): Promise<ChangeResult> {
    return this.change(actor, requestId, place, (current, change) =>
      current.status === 'resolved' ? undefined : { ...current, status: 'resolved', resolvedBy: change, updatedAt: change.at },
    );
  }

  /**
   * `requests`: the latest, open ones first (then taken, then resolved), newest first within each; in
   * an operator's 1:1 chat or the help channel, where only the helpdesk reads them.
   */
  async list(actor: Actor | undefined, place: Place): Promise<ListResult> {
    const refusal = await this.deps.accounts.refusalFor(actor);
    if (refusal) return refusal;
    if (place.conversationType !== 'personal') {
      const elsewhere = mayActOnHelpRequestHere((await this.deps.channel.get())?.address.conversationId, place);
      if (elsewhere) return elsewhere;
    }
    const recent = await this.deps.requests.recent(100);
    const order = { open: 0, taken: 1, resolved: 2 } as const;
    const sorted = [...recent].sort((a, b) => order[a.status] - order[b.status] || b.createdAt.localeCompare(a.createdAt));
    return { kind: 'listed', requests: sorted.slice(0, LISTED_REQUESTS) };
  }

  private async change(
    actor: Actor | undefined,
    requestId: string,
    place: Place,
    apply: (current: HelpRequestRecord, change: { by: PersonRef; at: string }) => HelpRequestRecord | undefined,
  ): Promise<ChangeResult> {
    // Who clicked first: someone who may not act learns nothing of the request, not even whether it exists.
    const refusal = await this.deps.accounts.refusalFor(actor);
    if (refusal || !actor) return refusal ?? { kind: 'notOperator' };
    const found = await this.deps.requests.get(requestId);
    if (!found) return { kind: 'gone' };
    const elsewhere = mayActOnHelpRequestHere(found.posted?.address.conversationId, place);
    if (elsewhere) return elsewhere;
    const by = personOf(actor);
    const updated = await this.deps.requests.update(requestId, (current) => apply(current, { by, at: this.now().toISOString() }));
    if (updated.kind === 'missing') return { kind: 'gone' };
    if (updated.kind === 'unchanged') return { kind: 'unchanged', request: updated.value };
    await this.deliver(() => this.deps.messenger.updateRequest(updated.value), 'help request card update');
    await this.deliver(() => this.deps.messenger.tellRequester(updated.value), 'notice to the requester');
    return { kind: 'changed', request: updated.value };
  }

  /** The change is made and stored; a message that cannot be delivered is logged, not the operator's problem. */
  private async deliver(send: () => Promise<void>, what: string): Promise<void> {
    try {
      await send();
    } catch (error) {
      this.deps.onDeliveryError?.(error, what);
    }
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}

function personOf(actor: Actor): PersonRef {
  return { aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId };
}
