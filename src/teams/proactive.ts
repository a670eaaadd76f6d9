/**
 * Proactive messages for help requests: the card posted to the help channel, its edits, and the
 * notices to the asker, each sent through `CloudAdapter.continueConversationAsync` with a stored
 * conversation reference (the host passes that in as `ContinueConversation`).
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { CardView } from '../../cards';
import { helpRequestCard, stepsText } from '../../cards/helpRequest';
import type { PersonRef } from '../domain/helpRequest';
import { localeFrom, translate } from '../i18n/catalogue';
import { channelConversationId } from '../operations/policy';
import type { ConversationAddress, HelpChannel, HelpdeskMessenger, HelpRequestRecord } from '../operations/ports';
import { helpRequestScope, readOnlyView, type SharedCardViewers } from './sharedCardViewers';

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

/**
 * Starts (or finds) the 1:1 chat between the bot and a person and answers its reference: the host's
 * `UnlockAdapter.openPersonalChat`, the same one a secret from a channel goes through.
 */
export type OpenPersonalChat = (address: {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly bot: { readonly id: string; readonly name?: string };
}) => Promise<Partial<ConversationReference>>;

export class TeamsHelpdeskMessenger implements HelpdeskMessenger {
  constructor(
    private readonly continueConversation: ContinueConversation,
    private readonly openPersonalChat?: OpenPersonalChat,
    /** The operators known for a request, refreshed to their own view of the card everyone sees. */
    private readonly viewers?: SharedCardViewers,
  ) {}

  async postRequest(channel: HelpChannel, request: HelpRequestRecord): Promise<string | undefined> {
    let posted: string | undefined;
    const view = await this.sharedView(request, channel.locale);
    await this.continueConversation(referenceOf(channel.address), async (context) => {
      posted = (await context.sendActivity({ attachments: [helpRequestCard(request, view)] }))?.id;
    });
    return posted;
  }

  async updateRequest(request: HelpRequestRecord): Promise<void> {
    const { posted } = request;
    if (!posted) return;
    const view = await this.sharedView(request, posted.locale);
    await this.continueConversation(referenceOf(posted.address), async (context) => {
      await context.updateActivity({ type: 'message', id: posted.activityId, attachments: [helpRequestCard(request, view)] });
    });
  }

  async tellRequester(request: HelpRequestRecord): Promise<void> {
    const notice = requesterNotice(request);
    if (!notice) return;
    await this.continueConversation(referenceOf(request.requesterAddress), async (context) => {
      await context.sendActivity(notice);
    });
  }

  async tellAssignee(request: HelpRequestRecord): Promise<void> {
    const { assigned, posted } = request;
    if (!assigned || !posted) return;
    const locale = localeFrom(posted.locale);
    const notice = translate(locale, 'helpRequest.notice.assignee', {
      by: assigned.by.name,
      requester: request.requester.name,
      reference: shortReference(request.id),
      text: request.wrote,
    });
    await this.inPersonalChat(assigned.to, posted.address, async (context) => {
      await context.sendActivity(notice);
    });
  }

  async tellWithdrawn(request: HelpRequestRecord): Promise<void> {
    const { takenBy, posted } = request;
    if (!takenBy) return;
    const via = posted?.address ?? request.requesterAddress;
    const notice = translate(localeFrom(posted?.locale ?? request.locale), 'helpRequest.notice.withdrawnToOperator', {
      requester: request.requester.name,
      reference: shortReference(request.id),
      text: request.wrote,
    });
    await this.inPersonalChat(takenBy.by, via, async (context) => {
      await context.sendActivity(notice);
    });
  }

  async remind(channel: HelpChannel, request: HelpRequestRecord): Promise<void> {
    const minutes = Math.round((Date.parse(request.remindedAt ?? request.updatedAt) - Date.parse(request.createdAt)) / 60_000);
    const view = await this.sharedView(request, channel.locale);
    await this.continueConversation(referenceOf(channel.address), async (context) => {
      await context.sendActivity({ attachments: [helpRequestCard(request, view, { reminderMinutes: minutes })] });
    });
  }

  /** Everyone in the help channel reads the card: the read-only view, refreshed for the request's operators. */
  private async sharedView(request: HelpRequestRecord, locale: string): Promise<CardView> {
    return readOnlyView({ locale: localeFrom(locale) }, (await this.viewers?.known(helpRequestScope(request.id))) ?? []);
  }

  /**
   * Runs `logic` in this person's 1:1 chat with the bot, starting it if there is none yet (Teams
   * answers the same conversation for the same person and bot), with the service URL and tenant of
   * a conversation the bot is already in, `via` (the help channel).
   * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
   */
  async inPersonalChat(person: PersonRef, via: ConversationAddress, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = referenceOf(via);
    const tenantId = reference.conversation?.tenantId;
    if (!this.openPersonalChat || !reference.serviceUrl || !tenantId || !reference.bot) {
      throw new Error('No 1:1 chat can be started from here.');
    }
    const personal = await this.openPersonalChat({ serviceUrl: reference.serviceUrl, tenantId, aadObjectId: person.aadObjectId, bot: reference.bot });
    await this.continueConversation(personal, logic);
  }
}

/** What the asker is told of a change: who took it, or the note and, for their own account, what was done. */
function requesterNotice(request: HelpRequestRecord): string | undefined {
  const locale = localeFrom(request.locale);
  const reference = shortReference(request.id);
  if (request.status === 'resolved' && request.resolvedBy) {
    const { resolution } = request;
    if (!resolution) return translate(locale, 'helpRequest.notice.resolved', { name: request.resolvedBy.by.name, reference });
    const notice = translate(locale, 'helpRequest.notice.resolvedWithNote', { name: request.resolvedBy.by.name, reference, note: resolution.note });
    // Steps on a colleague's account are not the asker's to read: they get the note only.
    const own = request.requestedFor.kind === 'self' && resolution.steps.length > 0;
    return own ? `${notice}\n\n${translate(locale, 'helpRequest.notice.stepsOnYourAccount', { steps: stepsText(resolution.steps, { locale }) })}` : notice;
  }
  if (request.status === 'taken' && request.takenBy) {
    return translate(locale, 'helpRequest.notice.taken', { name: request.takenBy.by.name, reference });
  }
  return undefined;
}

/** What an asker is told to quote: the start of the request's id. */
export function shortReference(id: string): string {
  return id.slice(0, 8);
}

function referenceOf(address: ConversationAddress): Partial<ConversationReference> {
  return address.reference as Partial<ConversationReference>;
}
