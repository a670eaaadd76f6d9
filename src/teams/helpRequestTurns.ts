/**
 * The Teams side of help requests: the words an operator says in a channel, the end user's "Ask the
 * helpdesk" and "my colleague … can't sign in", and the Take and Resolve clicks on the channel card.
 * What may happen is decided by `operations/helpRequests.ts`; this turns its answers into replies.
 */
import type { Attachment, TurnContext } from 'botbuilder';
import { messageCard, type CardActionOf } from '../../cards';
import { helpRequestCard, helpRequestListCard, statusText } from '../../cards/helpRequest';
import { selfServiceCard } from '../../cards/selfService';
import { actorOf, placeOf, viewOf } from '../../dialogs/turn';
import type { RequestedFor } from '../domain/helpRequest';
import { render } from '../i18n/catalogue';
import { text, type Text } from '../i18n/text';
import type { UserRequest } from '../i18n/phrases';
import type { ChangeResult, HelpRequests, RaiseResult } from '../operations/helpRequests';
import { addressOf, shortReference } from './proactive';

export interface HelpRequestTurnsDependencies {
  readonly helpRequests: HelpRequests;
  /** Whom to contact when there is no help-request channel (`HELP_CONTACT`). */
  readonly helpContact?: string;
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

  /** First steps for someone's own trouble; in a 1:1 chat, with Ask the helpdesk. */
  async selfService(context: TurnContext, trouble: Exclude<UserRequest, 'help'>, sentence: string): Promise<void> {
    const draftId = (await this.mayAsk(context)) ? await this.draft(context, { kind: 'self' }, sentence) : undefined;
    await context.sendActivity({ attachments: [selfServiceCard(trouble, viewOf(context), draftId)] });
  }

  /** "my colleague … can't sign in" in a 1:1 chat (from someone who is not an operator: theirs is an account check): raised at once. */
  async askForColleague(context: TurnContext, sentence: string, colleague: string | undefined): Promise<boolean> {
    if (!(await this.mayAsk(context))) return false;
    const draft = this.draftOf(context, { kind: 'colleague', ...(colleague ? { name: colleague } : {}) }, sentence);
    if (!draft) return false;
    const raised = await this.deps.helpRequests.raise(draft);
    await context.sendActivity({ attachments: [messageCard({ heading: this.raisedText(raised), paragraphs: [] }, viewOf(context))] });
    return true;
  }

  /** The Ask the helpdesk button. */
  async ask(context: TurnContext, action: CardActionOf<'unlock.askHelpdesk'>): Promise<Attachment> {
    const raised = await this.deps.helpRequests.raiseDraft(actorOf(context), action.draftId);
    return messageCard({ heading: this.raisedText(raised), paragraphs: [] }, viewOf(context));
  }

  take(context: TurnContext, action: CardActionOf<'unlock.takeRequest'>): Promise<Attachment> {
    return this.changed(context, this.deps.helpRequests.take(actorOf(context), action.requestId, placeOf(context)));
  }

  resolve(context: TurnContext, action: CardActionOf<'unlock.resolveRequest'>): Promise<Attachment> {
    return this.changed(context, this.deps.helpRequests.resolve(actorOf(context), action.requestId, placeOf(context)));
  }

  /** The card for the operator who clicked; the posted card and the asker were told by the operation. */
  private async changed(context: TurnContext, change: Promise<ChangeResult>): Promise<Attachment> {
    const result = await change;
    const view = viewOf(context);
    switch (result.kind) {
      case 'changed':
        return helpRequestCard(result.request, view);
      case 'unchanged':
        return helpRequestCard(result.request, view, text('helpRequest.card.alreadyChanged', { status: statusText(result.request) }));
      case 'gone':
        return messageCard({ heading: text('unlock.staleCard'), paragraphs: [] }, view);
      case 'otherConversation':
        return messageCard({ heading: text('helpRequest.otherConversation'), paragraphs: [] }, view);
      default:
        // Someone who may not act is told why, and shown nothing of the request.
        return messageCard({ heading: refusalText(result), paragraphs: result.kind === 'unavailable' ? [text(`cause.${result.cause}`)] : [] }, view);
    }
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
   * Ask the helpdesk is offered in a 1:1 chat, where only the asker reads the answer, to anyone: the
   * guidance asks nothing of Graph, and an operator with trouble of their own (a protected account)
   * needs a colleague too. An operator's "my colleague Anna …" is an account check, routed before this.
   */
  private mayAsk(context: TurnContext): Promise<boolean> {
    return Promise.resolve(placeOf(context).conversationType === 'personal' && actorOf(context) !== undefined);
  }

  private async draft(context: TurnContext, requestedFor: RequestedFor, sentence: string): Promise<string | undefined> {
    const draft = this.draftOf(context, requestedFor, sentence);
    return draft ? this.deps.helpRequests.draft(draft) : undefined;
  }

  private draftOf(context: TurnContext, requestedFor: RequestedFor, wrote: string) {
    const actor = actorOf(context);
    if (!actor) return undefined;
    return {
      requester: { aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId },
      requestedFor,
      wrote,
      address: addressOf(context.activity),
      locale: viewOf(context).locale,
    };
  }

  private say(context: TurnContext, value: Text): string {
    return renderText(context, value);
  }
}

function refusalText(refusal: { kind: 'notOperator' } | { kind: 'unavailable' }): Text {
  return refusal.kind === 'unavailable' ? text('unlock.unavailable') : text('helpRequest.notOperator');
}

function renderText(context: TurnContext, value: Text): string {
  const view = viewOf(context);
  return render(view.locale, value, view);
}
