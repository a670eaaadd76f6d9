/**
 * The Teams side of help requests: the words an operator says in a channel, the end user's "Ask the
 * helpdesk" and "my colleague … can't sign in", and the Take and Resolve clicks on the channel card.
 * What may happen is decided by `operations/helpRequests.ts`; this turns its answers into replies.
 */
import type { Attachment, TurnContext } from 'botbuilder';
import { accountCheckCard, choiceCard, messageCard, VERBS, type CardActionOf, type CardView } from '../../cards';
import { helpRequestCard, helpRequestListCard, statusText } from '../../cards/helpRequest';
import { ownAccountCard, selfServiceCard } from '../../cards/selfService';
import { actorOf, placeOf, viewOf } from '../../dialogs/turn';
import { isClosed, type RequestedFor } from '../domain/helpRequest';
import { render } from '../i18n/catalogue';
import { text, type Text } from '../i18n/text';
import type { UserRequest } from '../i18n/phrases';
import type { AccountChecks } from '../operations/checkAccount';
import type { OwnAccount } from '../operations/ownAccount';
import type { AssignResult, ChangeResult, HelpRequests, RaiseResult, ResolveResult, WithdrawResult } from '../operations/helpRequests';
import type { ConversationAddress, HelpDraft } from '../operations/ports';
import type { Actor } from '../domain/actor';
import type { PersonRef } from '../domain/helpRequest';
import { addressOf, shortReference } from './proactive';
import { helpRequestScope, operatorView, readOnlyView, type SharedCardViewers } from './sharedCardViewers';

/** Runs `logic` in the person's 1:1 chat with the bot, started if need be (`TeamsHelpdeskMessenger.inPersonalChat`). */
export type InPersonalChat = (person: PersonRef, via: ConversationAddress, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

export interface HelpRequestTurnsDependencies {
  readonly helpRequests: HelpRequests;
  /** Check account on a request card: the operator's account check, shown in their 1:1 chat. */
  readonly accounts?: Pick<AccountChecks, 'check' | 'findAndCheck' | 'rememberChoice'>;
  readonly inPersonalChat?: InPersonalChat;
  /** An end user's own account, read for "I can't send e-mail" and the like in their 1:1 chat. */
  readonly ownAccount?: Pick<OwnAccount, 'read'>;
  /** Whom to contact when there is no help-request channel (`HELP_CONTACT`). */
  readonly helpContact?: string;
  /** The operators whose clients refresh a request's card to their own view. */
  readonly viewers?: SharedCardViewers;
}

export class HelpRequestTurns {
  constructor(private readonly deps: HelpRequestTurnsDependencies) {}

  /** "use this channel for help requests": in a channel, by an operator. */
  async useChannel(context: TurnContext): Promise<void> {
    const { locale } = viewOf(context);
    if (placeOf(context).conversationType !== 'channel') {
      await context.sendActivity(this.say(context, text('helpRequest.channelOnly')));
      return;
    }
    const refusal = await this.deps.helpRequests.useChannel(actorOf(context), addressOf(context.activity), locale);
    await context.sendActivity(this.say(context, refusal ? refusalText(refusal) : text('helpRequest.channelSet')));
  }

  /** `requests`: operators, in their 1:1 chat or the help channel. */
  async list(context: TurnContext): Promise<void> {
    const listed = await this.deps.helpRequests.list(actorOf(context), placeOf(context));
    if (listed.kind === 'listed') {
      await context.sendActivity({ attachments: [helpRequestListCard(listed.requests, viewOf(context))] });
      return;
    }
    await context.sendActivity(this.say(context, listed.kind === 'otherConversation' ? text('surface.helpOnly') : refusalText(listed)));
  }

  /** First steps for someone's own trouble, with Ask the helpdesk (in a group chat or channel too: see `askerAddress`). */
  async selfService(context: TurnContext, trouble: UserRequest, sentence: string): Promise<void> {
    const draftId = (await this.mayAsk(context)) ? await this.draft(context, { kind: 'self' }, sentence) : undefined;
    // In a 1:1 chat, what the asker's own account shows; anywhere others read along, the general guidance only.
    if (this.deps.ownAccount && placeOf(context).conversationType === 'personal') {
      const own = await this.deps.ownAccount.read(actorOf(context));
      await context.sendActivity({ attachments: [ownAccountCard(own, trouble, viewOf(context), draftId)] });
      return;
    }
    if (trouble === 'help') return;
    await context.sendActivity({ attachments: [selfServiceCard(trouble, viewOf(context), draftId)] });
  }

  /** "my colleague … can't sign in" (from someone who is not an operator: theirs is an account check): raised at once. */
  async askForColleague(context: TurnContext, sentence: string, colleague: string | undefined): Promise<boolean> {
    if (!(await this.mayAsk(context))) return false;
    const draft = await this.draftOf(context, { kind: 'colleague', ...(colleague ? { name: colleague } : {}) }, sentence);
    if (!draft) return false;
    const raised = await this.deps.helpRequests.raise(draft);
    await context.sendActivity({ attachments: [this.raisedCard(context, raised)] });
    return true;
  }

  /** The Ask the helpdesk button. */
  async ask(context: TurnContext, action: CardActionOf<'unlock.askHelpdesk'>): Promise<Attachment> {
    const raised = await this.deps.helpRequests.raiseDraft(actorOf(context), action.draftId);
    return this.raisedCard(context, raised);
  }

  /** Withdraw my request: the button on the asker's confirmation. */
  async withdraw(context: TurnContext, action: CardActionOf<'unlock.withdrawRequest'>): Promise<Attachment> {
    const result = await this.deps.helpRequests.withdraw(actorOf(context), action.requestId, placeOf(context));
    return messageCard({ heading: withdrawnText(result), paragraphs: [] }, viewOf(context));
  }

  /** "withdraw my request", "atsaukt pieprasījumu": the asker's latest request still open, in this chat. */
  async withdrawLatest(context: TurnContext): Promise<void> {
    const result = await this.deps.helpRequests.withdrawLatest(actorOf(context), placeOf(context));
    await context.sendActivity(this.say(context, withdrawnText(result)));
  }

  /**
   * Show actions on the request's card, clicked or run by Teams as its refresh: an operator in the
   * help channel gets the buttons (only their client shows the answer) and is named in the card's
   * refresh from now on; anyone else gets the read-only card everyone sees, and is named nowhere.
   */
  async showActions(context: TurnContext, action: CardActionOf<'unlock.showRequestActions'>): Promise<Attachment> {
    const shown = await this.deps.helpRequests.actionsView(actorOf(context), action.requestId, placeOf(context));
    const scope = helpRequestScope(action.requestId);
    if (shown.kind === 'gone') return messageCard({ heading: text('unlock.staleCard'), paragraphs: [] }, viewOf(context));
    if (shown.kind === 'readOnly' || isClosed(shown.request.status)) {
      return helpRequestCard(shown.request, readOnlyView(viewOf(context), (await this.deps.viewers?.known(scope)) ?? []));
    }
    const refreshFor = (await this.deps.viewers?.remember(scope, context.activity.from?.id)) ?? [];
    return helpRequestCard(shown.request, operatorView(viewOf(context), refreshFor));
  }

  /** Resolve: the first click asks for the note on the clicker's card; the second resolves with it. */
  async resolve(context: TurnContext, action: CardActionOf<'unlock.resolveRequest'>): Promise<Attachment> {
    const result: ResolveResult = await this.deps.helpRequests.resolve(actorOf(context), action.requestId, placeOf(context), action.note);
    if (result.kind === 'noteNeeded') {
      const asked = action.note !== undefined ? { note: text('helpRequest.resolve.noteNeeded') } : {};
      return helpRequestCard(result.request, await this.operatorsOwn(context, result.request.id), { form: { kind: 'resolve' }, ...asked });
    }
    return this.changedCard(context, result);
  }

  /** Assign to …: the first click lists the helpdesk group's members; the second hands the request over. */
  async assign(context: TurnContext, action: CardActionOf<'unlock.assignRequest'>): Promise<Attachment> {
    const result: AssignResult = await this.deps.helpRequests.assign(actorOf(context), action.requestId, placeOf(context), action.assigneeId || undefined);
    if (result.kind === 'choose') {
      return helpRequestCard(result.request, await this.operatorsOwn(context, result.request.id), { form: { kind: 'assign', members: result.members } });
    }
    if (result.kind === 'assigneeNotOperator') {
      return helpRequestCard(result.request, await this.operatorsOwn(context, result.request.id), { note: text('helpRequest.assign.notOperator') });
    }
    return this.changedCard(context, result);
  }

  /**
   * Check account: whose account comes from the stored request (never the card), for an operator
   * clicking in the help channel; the findings go to the operator's 1:1 chat with the bot, where the
   * whole toolbox works (a password only ever goes there) and nobody else reads the account's details.
   */
  async checkAccount(context: TurnContext, action: CardActionOf<'unlock.checkRequest'>): Promise<Attachment> {
    const actor = actorOf(context);
    const found = await this.deps.helpRequests.checkTarget(actor, action.requestId, placeOf(context));
    const view = viewOf(context);
    if (found.kind !== 'user' && found.kind !== 'name' && found.kind !== 'unnamed') return this.changedCard(context, found);
    const { request } = found;
    const own = await this.operatorsOwn(context, request.id);
    if (found.kind === 'unnamed') return helpRequestCard(request, own, { note: text('helpRequest.check.unnamed', { requester: request.requester.name }) });
    const name = found.kind === 'user' ? found.user.displayName : found.name;
    const { accounts, inPersonalChat } = this.deps;
    if (!accounts || !inPersonalChat || !actor || !request.posted) {
      return helpRequestCard(request, own, { note: text('helpRequest.check.notSent', { name }) });
    }
    const heading = text('helpRequest.check.heading', { requester: request.requester.name, reference: shortReference(request.id) });
    try {
      await inPersonalChat({ aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId }, request.posted.address, async (chat) => {
        const here = placeOf(chat);
        // The 1:1 chat is the operator's own: the card comes with its buttons, not the channel's read-only view.
        const { shared: _channelView, ...chatView } = view;
        if (found.kind === 'user') {
          const checked = await accounts.check(here, found.user);
          if (checked.kind === 'checked') await this.deps.helpRequests.recordTarget(request.id, checked.target);
          await chat.sendActivity({ attachments: [messageCard({ heading, paragraphs: [] }, chatView), accountCheckCard(checked, chatView)] });
          return;
        }
        const result = await accounts.findAndCheck(actor, here, found.name);
        if (result.kind === 'checked') {
          if (result.check.kind === 'checked') await this.deps.helpRequests.recordTarget(request.id, result.check.target);
          await chat.sendActivity({ attachments: [messageCard({ heading, paragraphs: [] }, chatView), accountCheckCard(result.check, chatView)] });
          return;
        }
        if (result.kind === 'found' && result.found.kind === 'found' && result.found.users.length > 0) {
          const choiceId = await accounts.rememberChoice({ query: found.name, candidates: result.found.users });
          const choice = { query: found.name, choiceId, candidates: result.found.users, more: result.found.more, ...(result.found.approximate ? { approximate: true } : {}) };
          await chat.sendActivity({ attachments: [messageCard({ heading, paragraphs: [] }, chatView), choiceCard(choice, chatView)] });
          return;
        }
        await chat.sendActivity({ attachments: [messageCard({ heading, paragraphs: [text('unlock.noMatch', { query: found.name })] }, chatView)] });
      });
    } catch {
      return helpRequestCard(request, own, { note: text('helpRequest.check.notSent', { name }) });
    }
    return helpRequestCard(request, own, { note: text('helpRequest.check.sent', { name }) });
  }

  take(context: TurnContext, action: CardActionOf<'unlock.takeRequest'>): Promise<Attachment> {
    return this.changed(context, this.deps.helpRequests.take(actorOf(context), action.requestId, placeOf(context)));
  }

  /** The card for the operator who clicked; the posted card and the asker were told by the operation. */
  private async changed(context: TurnContext, change: Promise<ChangeResult>): Promise<Attachment> {
    return this.changedCard(context, await change);
  }

  /**
   * The card for the operator who clicked (their own, with the buttons), while the one everyone
   * sees stays read-only: an operator who acted on a request is named in its refresh.
   */
  private async operatorsOwn(context: TurnContext, requestId: string): Promise<CardView> {
    const view = viewOf(context);
    if (!view.shared) return view;
    return operatorView(view, (await this.deps.viewers?.remember(helpRequestScope(requestId), context.activity.from?.id)) ?? []);
  }

  private async changedCard(context: TurnContext, result: ChangeResult): Promise<Attachment> {
    const view = viewOf(context);
    switch (result.kind) {
      case 'changed':
        return helpRequestCard(result.request, await this.operatorsOwn(context, result.request.id));
      case 'unchanged':
        return helpRequestCard(result.request, await this.operatorsOwn(context, result.request.id), text('helpRequest.card.alreadyChanged', { status: statusText(result.request) }));
      case 'gone':
        return messageCard({ heading: text('unlock.staleCard'), paragraphs: [] }, view);
      case 'otherConversation':
        return messageCard({ heading: text('helpRequest.otherConversation'), paragraphs: [] }, view);
      default:
        // Someone who may not act is told why, and shown nothing of the request.
        return messageCard({ heading: refusalText(result), paragraphs: result.kind === 'unavailable' ? [text(`cause.${result.cause}`)] : [] }, view);
    }
  }

  /** What the asker is told, with Withdraw my request on a request that was kept. */
  private raisedCard(context: TurnContext, raised: RaiseResult): Attachment {
    const withdraw =
      raised.kind === 'posted' || raised.kind === 'noChannel' || raised.kind === 'notDelivered' || (raised.kind === 'alreadyRaised' && !isClosed(raised.request.status))
        ? [{ title: text('helpRequest.button.withdraw'), action: { verb: VERBS.withdrawRequest, requestId: raised.request.id } }]
        : [];
    return messageCard({ heading: this.raisedText(raised), paragraphs: [], buttons: withdraw }, viewOf(context));
  }

  private raisedText(raised: RaiseResult): Text {
    if (raised.kind === 'gone') return text('unlock.staleCard');
    const reference = shortReference(raised.request.id);
    const contact = this.deps.helpContact ?? text('helpRequest.defaultContact');
    switch (raised.kind) {
      case 'posted':
        return text('helpRequest.sent', { reference });
      case 'noChannel':
        return text('helpRequest.noChannel', { reference, contact });
      case 'notDelivered':
        return text('helpRequest.notDelivered', { reference, contact });
      case 'alreadyRaised':
        return text('helpRequest.alreadySent', { reference, status: statusText(raised.request) });
    }
  }

  /**
   * Ask the helpdesk is offered to anyone Teams identified, in a 1:1 chat and in a group chat or a
   * channel alike (help only there: the guidance asks nothing of Graph and shows no account). An
   * operator with trouble of their own (a protected account) needs a colleague too; an operator's
   * "my colleague Anna …" is an account check, routed before this. The button's draft is the
   * asker's alone: someone else clicking it in a group chat raises nothing.
   */
  private mayAsk(context: TurnContext): Promise<boolean> {
    return Promise.resolve(actorOf(context) !== undefined);
  }

  private async draft(context: TurnContext, requestedFor: RequestedFor, sentence: string): Promise<string | undefined> {
    const draft = await this.draftOf(context, requestedFor, sentence);
    return draft ? this.deps.helpRequests.draft(draft) : undefined;
  }

  private async draftOf(context: TurnContext, requestedFor: RequestedFor, wrote: string): Promise<HelpDraft | undefined> {
    const actor = actorOf(context);
    if (!actor) return undefined;
    const address = await this.askerAddress(context, actor);
    if (!address) return undefined;
    return {
      requester: { aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId },
      requestedFor,
      wrote,
      address,
      locale: viewOf(context).locale,
    };
  }

  /**
   * Where the asker hears back (taken by whom, resolved with what) and may withdraw: this chat when it
   * is their 1:1 chat; from a group chat or a channel, their 1:1 chat with the bot, started if need
   * be, so nothing about the request reaches everyone there. None when that chat cannot be reached:
   * the answer then comes without the button, and nothing is raised that could not be followed up.
   */
  private async askerAddress(context: TurnContext, actor: Actor): Promise<ConversationAddress | undefined> {
    if (placeOf(context).conversationType === 'personal') return addressOf(context.activity);
    const { inPersonalChat } = this.deps;
    if (!inPersonalChat) return undefined;
    let address: ConversationAddress | undefined;
    try {
      await inPersonalChat({ aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId }, addressOf(context.activity), async (chat) => {
        address = addressOf(chat.activity);
      });
    } catch {
      return undefined;
    }
    return address;
  }

  private say(context: TurnContext, value: Text): string {
    return renderText(context, value);
  }
}

function withdrawnText(result: WithdrawResult): Text {
  switch (result.kind) {
    case 'changed':
      return text('helpRequest.withdrawn', { reference: shortReference(result.request.id) });
    case 'unchanged':
      return text('helpRequest.card.alreadyChanged', { status: statusText(result.request) });
    case 'nothingOpen':
      return text('helpRequest.withdraw.nothingOpen');
    case 'gone':
    case 'otherConversation':
    case 'notRequester':
      // Someone else's request, or none: the same answer, so a click tells nothing of the request.
      return text('helpRequest.withdraw.notYours');
  }
}

function refusalText(refusal: { kind: 'notOperator' } | { kind: 'unavailable' }): Text {
  return refusal.kind === 'unavailable' ? text('unlock.unavailable') : text('helpRequest.notOperator');
}

function renderText(context: TurnContext, value: Text): string {
  const view = viewOf(context);
  return render(view.locale, value, view);
}
