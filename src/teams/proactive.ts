/**
 * Proactive messages for help requests: the card posted to the help channel, its edits, and the
 * notices to the asker, each sent through `CloudAdapter.continueConversationAsync` with a stored
 * conversation reference (the host passes that in as `ContinueConversation`).
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { helpRequestCard } from '../../cards/helpRequest';
import { localeFrom, translate } from '../i18n/catalogue';
import { channelConversationId } from '../operations/policy';
import type { ConversationAddress, HelpChannel, HelpdeskMessenger, HelpRequestRecord } from '../operations/ports';

/** Runs `logic` in a conversation the bot was in before, outside any turn of it. */
export type ContinueConversation = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

/**
 * Where this activity's conversation can be reached later. A channel is kept without the thread of
 * the message that named it (`;messageid=…`) and without that message's id, so what is sent later
 * starts a new post instead of replying in that thread; a 1:1 chat has no threads.
 */
export function addressOf(activity: Partial<Activity>): ConversationAddress {
  const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(activity);
  const conversationId = channelConversationId(reference.conversation?.id ?? '');
  const stored = { ...reference, conversation: { ...reference.conversation, id: conversationId } };
  return { conversationId, reference: JSON.parse(JSON.stringify(stored)) as Record<string, unknown> };
}

export class TeamsHelpdeskMessenger implements HelpdeskMessenger {
  constructor(private readonly continueConversation: ContinueConversation) {}

  async postRequest(channel: HelpChannel, request: HelpRequestRecord): Promise<string | undefined> {
    let posted: string | undefined;
    await this.continueConversation(referenceOf(channel.address), async (context) => {
      posted = (await context.sendActivity({ attachments: [helpRequestCard(request, { locale: localeFrom(channel.locale) })] }))?.id;
    });
    return posted;
  }

  async updateRequest(request: HelpRequestRecord): Promise<void> {
    const { posted } = request;
    if (!posted) return;
    await this.continueConversation(referenceOf(posted.address), async (context) => {
      await context.updateActivity({ type: 'message', id: posted.activityId, attachments: [helpRequestCard(request, { locale: localeFrom(posted.locale) })] });
    });
  }

  async tellRequester(request: HelpRequestRecord): Promise<void> {
    const locale = localeFrom(request.locale);
    const reference = shortReference(request.id);
    const notice =
      request.status === 'resolved' && request.resolvedBy
        ? translate(locale, 'helpRequest.notice.resolved', { name: request.resolvedBy.by.name, reference })
        : request.status === 'taken' && request.takenBy
          ? translate(locale, 'helpRequest.notice.taken', { name: request.takenBy.by.name, reference })
          : undefined;
    if (!notice) return;
    await this.continueConversation(referenceOf(request.requesterAddress), async (context) => {
      await context.sendActivity(notice);
    });
  }
}

/** What an asker is told to quote: the start of the request's id. */
export function shortReference(id: string): string {
  return id.slice(0, 8);
}

function referenceOf(address: ConversationAddress): Partial<ConversationReference> {
  return address.reference as Partial<ConversationReference>;
}
