/**
 * Help requests: an end user asks the helpdesk (for themselves or for a colleague), the request is
 * stored and its card posted to the channel an operator chose; operators take and resolve it, the
 * posted card is kept true for everyone and the asker is told of each change. Who may do what is the
 * operator check (`AccountChecks.refusalFor`) and `policy.ts`, asked at every click.
 */
import { randomUUID } from 'node:crypto';
import type { UserSummary } from '../domain/account';
import type { Actor, Place } from '../domain/actor';
import { isClosed, type PersonRef, type RequestTarget, type StepTaken } from '../domain/helpRequest';
import type { AccountChecks } from './checkAccount';
import { mayActOnHelpRequestHere, mayWithdrawHelpRequest, type Refusal } from './policy';
import type {
  ConversationAddress,
  HelpChannelStore,
  HelpDraft,
  HelpDraftStore,
  HelpdeskMembers,
  HelpdeskMessenger,
  HelpRequestRecord,
  HelpRequestStore,
  OperatorDirectory,
} from './ports';

type NotAllowed = Extract<Refusal, { kind: 'notOperator' | 'unavailable' }>;

/** What someone wrote is kept to this many characters: enough to read, not a place to paste documents. */
export const MAX_WRITTEN_LENGTH = 500;

/** How many requests `requests` shows. */
export const LISTED_REQUESTS = 10;

/** A resolution note is a line or two for the asker and the channel, not a report. */
export const MAX_NOTE_LENGTH = 500;

/** How many of the target's latest audit records a resolution looks through for steps taken. */
const AUDIT_LOOKBACK = 50;

/** How many requests "withdraw my request" looks through, newest first. */
const SCANNED_REQUESTS = 100;

export interface HelpRequestsDependencies {
  readonly accounts: Pick<AccountChecks, 'refusalFor' | 'history'>;
  /** The operator check by object id (for an assignee) and the UPN the directory has for a person. */
  readonly operators?: Pick<OperatorDirectory, 'check'>;
  /** The helpdesk group's members, offered by Assign to …. */
  readonly members?: HelpdeskMembers;
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
  /** Taken, resolved or withdrawn already (by whom the request says): this change does not apply. */
  | { readonly kind: 'unchanged'; readonly request: HelpRequestRecord }
  | { readonly kind: 'gone' }
  | Extract<Refusal, { kind: 'otherConversation' }>
  | NotAllowed;

/** Resolve asks for a note first; an empty or missing one asks again. */
export type ResolveResult = ChangeResult | { readonly kind: 'noteNeeded'; readonly request: HelpRequestRecord };

export type AssignResult =
  | ChangeResult
  /** The first click: whom the request may go to (the helpdesk group's members, the clicker left out). */
  | { readonly kind: 'choose'; readonly request: HelpRequestRecord; readonly members: readonly PersonRef[] }
  /** The person chosen is not (or no longer) an operator: nothing changes. */
  | { readonly kind: 'assigneeNotOperator'; readonly request: HelpRequestRecord };

/** Withdraw is the asker's own: anyone else is told nothing of the request. */
export type WithdrawResult =
  | Exclude<ChangeResult, NotAllowed>
  | { readonly kind: 'notRequester' }
  /** "withdraw my request" with nothing open to withdraw. */
  | { readonly kind: 'nothingOpen' };

/** Whose account Check account reads: always from the stored request, never from the card. */
export type CheckTarget =
  | { readonly kind: 'user'; readonly request: HelpRequestRecord; readonly user: UserSummary }
  /** Asked for a colleague by name: the operator's search finds them (and says when several match). */
  | { readonly kind: 'name'; readonly request: HelpRequestRecord; readonly name: string }
  /** Asked for a colleague without a name: the requester must be asked whom it is for. */
  | { readonly kind: 'unnamed'; readonly request: HelpRequestRecord }
  | Exclude<ChangeResult, { kind: 'changed' | 'unchanged' }>;

/**
 * Show actions on a help-request card: the request for an operator in the channel it was posted to;
 * for anyone else there, only what the card everyone sees already says.
 */
export type ActionsView =
  | { readonly kind: 'operator'; readonly request: HelpRequestRecord }
  | { readonly kind: 'readOnly'; readonly request: HelpRequestRecord }
  | { readonly kind: 'gone' };

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
    const requesterUpn = await this.upnOf(draft.requester.aadObjectId).catch(() => undefined);
    const request: HelpRequestRecord = {
      ...(requesterUpn ? { requesterUpn } : {}),
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

  /**
   * Resolve: an open or taken request is resolved with the operator's note and the steps the audit
   * trail shows on the account since the request was raised. Without a note, the note is asked for.
   */
  async resolve(actor: Actor | undefined, requestId: string, place: Place, note?: string): Promise<ResolveResult> {
    const written = (note ?? '').trim().slice(0, MAX_NOTE_LENGTH);
    if (written === '') {
      const found = await this.found(actor, requestId, place);
      if (found.kind !== 'found') return found;
      return isClosed(found.request.status) ? { kind: 'unchanged', request: found.request } : { kind: 'noteNeeded', request: found.request };
    }
    const before = await this.deps.requests.get(requestId);
    const steps = before ? await this.stepsTaken(before) : [];
    return this.change(actor, requestId, place, (current, change) =>
      isClosed(current.status)
        ? undefined
        : { ...current, status: 'resolved', resolvedBy: change, resolution: { note: written, steps }, updatedAt: change.at },
    );
  }

  /**
   * Assign to …: without an assignee, the helpdesk group's members to choose from; with one, re-checked
   * as an operator now (a member removed since the list was shown is refused), the request is theirs.
   */
  async assign(actor: Actor | undefined, requestId: string, place: Place, assigneeId?: string): Promise<AssignResult> {
    const found = await this.found(actor, requestId, place);
    if (found.kind !== 'found') return found;
    if (isClosed(found.request.status)) return { kind: 'unchanged', request: found.request };
    const members = await (this.deps.members?.list() ?? Promise.resolve([])).catch(() => undefined);
    if (!members) return { kind: 'unavailable', cause: 'outage' };
    if (assigneeId === undefined) {
      return { kind: 'choose', request: found.request, members: members.filter((member) => member.aadObjectId !== actor?.aadObjectId) };
    }
    const assignee = members.find((member) => member.aadObjectId === assigneeId);
    const check = assignee && this.deps.operators ? await this.deps.operators.check(assignee.aadObjectId) : undefined;
    if (!assignee || check?.kind === 'notOperator' || check === undefined) {
      return { kind: 'assigneeNotOperator', request: found.request };
    }
    if (check.kind === 'unavailable') return { kind: 'unavailable', cause: check.cause, ...(check.requestId ? { requestId: check.requestId } : {}) };
    const result = await this.change(
      actor,
      requestId,
      place,
      (current, change) =>
        isClosed(current.status) || current.takenBy?.by.aadObjectId === assignee.aadObjectId
          ? undefined
          : { ...current, status: 'taken', takenBy: { by: assignee, at: change.at }, assigned: { to: assignee, by: change.by, at: change.at }, updatedAt: change.at },
      (changed) => this.deliver(() => this.deps.messenger.tellAssignee(changed), 'notice to the assignee'),
    );
    return result;
  }

  /**
   * Withdraw: only the person who asked, from the chat they asked in (the confirmation's button, or
   * "withdraw my request"); an open or taken request becomes withdrawn and leaves the helpdesk's hands.
   */
  async withdraw(actor: Actor | undefined, requestId: string, place: Place): Promise<WithdrawResult> {
    const found = await this.deps.requests.get(requestId);
    const refusal = mayWithdrawHelpRequest(actor?.aadObjectId, found, place);
    if (refusal) return refusal;
    if (!found) return { kind: 'gone' };
    const at = this.now().toISOString();
    // The asker acted in their own chat: whatever they could not be told before, they know now.
    const updated = await this.deps.requests.update(requestId, (current) => {
      if (isClosed(current.status)) return undefined;
      const { requesterNotNotifiedAt: _known, ...rest } = current;
      return { ...rest, status: 'withdrawn', withdrawnAt: at, updatedAt: at };
    });
    if (updated.kind === 'missing') return { kind: 'gone' };
    if (updated.kind === 'unchanged') return { kind: 'unchanged', request: updated.value };
    await this.deliver(() => this.deps.messenger.updateRequest(updated.value), 'help request card update');
    // The operator working on it would otherwise go on calling back someone who no longer asks.
    if (updated.value.takenBy) await this.deliver(() => this.deps.messenger.tellWithdrawn(updated.value), 'notice of a withdrawal to the operator');
    return { kind: 'changed', request: updated.value };
  }

  /** "withdraw my request": the asker's latest request still open or taken, asked in this chat. */
  async withdrawLatest(actor: Actor | undefined, place: Place): Promise<WithdrawResult> {
    if (!actor) return { kind: 'notRequester' };
    const theirs = (await this.deps.requests.recent(SCANNED_REQUESTS)).find(
      (request) => request.requester.aadObjectId === actor.aadObjectId && request.requesterAddress.conversationId === place.conversationId && !isClosed(request.status),
    );
    return theirs ? this.withdraw(actor, theirs.id, place) : { kind: 'nothingOpen' };
  }

  /**
   * Check account: whose account the request is about, from the stored request (the asker's own, as
   * Teams identified them; or the colleague they named), for an operator clicking in the channel.
   */
  async checkTarget(actor: Actor | undefined, requestId: string, place: Place): Promise<CheckTarget> {
    const found = await this.found(actor, requestId, place);
    if (found.kind !== 'found') return found;
    const { request } = found;
    if (request.target) return { kind: 'user', request, user: request.target };
    if (request.requestedFor.kind === 'colleague') {
      return request.requestedFor.name ? { kind: 'name', request, name: request.requestedFor.name } : { kind: 'unnamed', request };
    }
    const upn = request.requesterUpn ?? (await this.upnOf(request.requester.aadObjectId));
    if (!upn) return { kind: 'unavailable', cause: 'outage' };
    return { kind: 'user', request, user: { id: request.requester.aadObjectId, userPrincipalName: upn, displayName: request.requester.name } };
  }

  /** Show actions (clicked, or Teams' refresh): changes nothing; who clicked is checked now. */
  async actionsView(actor: Actor | undefined, requestId: string, place: Place): Promise<ActionsView> {
    const found = await this.found(actor, requestId, place);
    if (found.kind === 'found') return { kind: 'operator', request: found.request };
    const request = await this.deps.requests.get(requestId);
    // The card was shown in this channel; from anywhere else, the click learns nothing.
    if (!request || mayActOnHelpRequestHere(request.posted?.address.conversationId, place)) return { kind: 'gone' };
    return { kind: 'readOnly', request };
  }

  /** The account an operator's check found for the request: its audit trail is what Resolve reports. */
  async recordTarget(requestId: string, target: RequestTarget): Promise<void> {
    await this.deps.requests.update(requestId, (current) =>
      current.target?.id === target.id ? undefined : { ...current, target: { id: target.id, userPrincipalName: target.userPrincipalName, displayName: target.displayName } },
    );
  }

  /**
   * `requests`: the latest, open ones first (then taken, then resolved, then withdrawn), newest first
   * within each; in an operator's 1:1 chat or the help channel, where only the helpdesk reads them.
   */
  async list(actor: Actor | undefined, place: Place): Promise<ListResult> {
    const refusal = await this.deps.accounts.refusalFor(actor);
    if (refusal) return refusal;
    if (place.conversationType !== 'personal') {
      const elsewhere = mayActOnHelpRequestHere((await this.deps.channel.get())?.address.conversationId, place);
      if (elsewhere) return elsewhere;
    }
    const recent = await this.deps.requests.recent(100);
    const order = { open: 0, taken: 1, resolved: 2, withdrawn: 3 } as const;
    const sorted = [...recent].sort((a, b) => order[a.status] - order[b.status] || b.createdAt.localeCompare(a.createdAt));
    return { kind: 'listed', requests: sorted.slice(0, LISTED_REQUESTS) };
  }

  private async change(
    actor: Actor | undefined,
    requestId: string,
    place: Place,
    apply: (current: HelpRequestRecord, change: { by: PersonRef; at: string }) => HelpRequestRecord | undefined,
    afterwards?: (changed: HelpRequestRecord) => Promise<unknown>,
  ): Promise<ChangeResult> {
    const found = await this.found(actor, requestId, place);
    if (found.kind !== 'found' || !actor) return found.kind === 'found' ? { kind: 'notOperator' } : found;
    const by = personOf(actor);
    const updated = await this.deps.requests.update(requestId, (current) => apply(current, { by, at: this.now().toISOString() }));
    if (updated.kind === 'missing') return { kind: 'gone' };
    if (updated.kind === 'unchanged') return { kind: 'unchanged', request: updated.value };
    await this.deliver(() => this.deps.messenger.updateRequest(updated.value), 'help request card update');
    const told = await this.deliver(() => this.deps.messenger.tellRequester(updated.value), 'notice to the requester');
    // Whether the asker heard of it goes on the card everyone sees (edited again), not only in a log.
    const request = await this.markNotified(updated.value, told);
    if (request !== updated.value) await this.deliver(() => this.deps.messenger.updateRequest(request), 'help request card update');
    await afterwards?.(request);
    return { kind: 'changed', request };
  }

  /** Keeps on the request whether its asker could be told of the latest change (stored, so the card stays true). */
  private async markNotified(request: HelpRequestRecord, told: boolean): Promise<HelpRequestRecord> {
    if (told === (request.requesterNotNotifiedAt === undefined)) return request;
    const at = this.now().toISOString();
    const saved = await this.deps.requests
      .update(request.id, (current) => {
        const { requesterNotNotifiedAt: _before, ...rest } = current;
        if (told) return current.requesterNotNotifiedAt === undefined ? undefined : rest;
        return { ...rest, requesterNotNotifiedAt: at };
      })
      .catch(() => undefined);
    return saved && saved.kind !== 'missing' ? saved.value : request;
  }

  /** An operator, clicking in the channel the request was posted to: the request as stored. */
  private async found(
    actor: Actor | undefined,
    requestId: string,
    place: Place,
  ): Promise<{ readonly kind: 'found'; readonly request: HelpRequestRecord } | Exclude<ChangeResult, { kind: 'changed' | 'unchanged' }>> {
    // Who clicked first: someone who may not act learns nothing of the request, not even whether it exists.
    const refusal = await this.deps.accounts.refusalFor(actor);
    if (refusal || !actor) return refusal ?? { kind: 'notOperator' };
    const request = await this.deps.requests.get(requestId);
    if (!request) return { kind: 'gone' };
    const elsewhere = mayActOnHelpRequestHere(request.posted?.address.conversationId, place);
    if (elsewhere) return elsewhere;
    return { kind: 'found', request };
  }

  /** Changes made on the request's account since it was raised, as the audit trail records them (succeeded only). */
  private async stepsTaken(request: HelpRequestRecord): Promise<StepTaken[]> {
    const targetId = request.target?.id ?? (request.requestedFor.kind === 'self' ? request.requester.aadObjectId : undefined);
    if (!targetId) return [];
    try {
      const records = await this.deps.accounts.history(targetId, AUDIT_LOOKBACK);
      return records
        .filter((record) => record.outcome.kind === 'succeeded' && record.at >= request.createdAt)
        .map((record) => ({ step: record.step, by: record.actor.name ?? record.actor.userPrincipalName ?? record.actor.aadObjectId, at: record.at }))
        .reverse();
    } catch (error) {
      // The note still resolves the request; the steps are a courtesy read of the audit trail.
      this.deps.onDeliveryError?.(error, 'audit trail for a resolution');
      return [];
    }
  }

  private async upnOf(aadObjectId: string): Promise<string | undefined> {
    const check = await this.deps.operators?.check(aadObjectId);
    return check && check.kind !== 'unavailable' ? check.userPrincipalName : undefined;
  }

  /** The change is made and stored; a message that cannot be delivered is logged, not the operator's problem. */
  private async deliver(send: () => Promise<void>, what: string): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (error) {
      this.deps.onDeliveryError?.(error, what);
      return false;
    }
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }
}

function personOf(actor: Actor): PersonRef {
  return { aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId };
}
