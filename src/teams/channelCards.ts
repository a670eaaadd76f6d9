/**
 * Findings cards in a helpdesk channel. Everyone in the channel sees the same card, so the card the
 * bot posts, and every edit of it, is the read-only view (`SharedCardView`); an operator's buttons
 * come only in the answer to their own click or refresh, which Teams shows to that person alone. After
 * an operator's action the posted card is edited with `updateActivity`, so every member sees the
 * account as it is now. A secret made from a channel (a temporary password, a Temporary Access Pass)
 * never goes into the channel: it goes to the clicker's 1:1 chat with the bot, created if need be.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/up-to-date-views
 */
import type { Activity, Attachment, ConversationReference, Storage, TurnContext } from 'botbuilder';
import type { CardView } from '../../cards';
import { placeOf, viewOf } from '../../dialogs/turn';
import type { ContinueConversation } from './proactive';
import { operatorView, readOnlyView, SharedCardViewers } from './sharedCardViewers';

/** The person to reach in a 1:1 chat, and where Teams is for them (from the activity they sent). */
export interface PersonalChatAddress {
  readonly serviceUrl: string;
  readonly tenantId: string;
  /** The person's Microsoft Entra object id, as Teams vouched for it in the activity. */
  readonly aadObjectId: string;
  /** Their Teams user id for this bot (`29:…`), as the activity names them; Teams takes either. */
  readonly userId?: string;
  /** The bot's own account, as the activity names it (`recipient`). */
  readonly bot: { readonly id: string; readonly name?: string };
}

/**
 * Creates the 1:1 chat between the bot and a person, or finds it (Teams answers the existing one),
 * and answers its conversation reference; throws when Teams refuses (the app is not installed for
 * that person, or they are outside the tenant). The host's `CloudAdapter.createConversationAsync`.
 */
export type OpenPersonalChat = (address: PersonalChatAddress) => Promise<Partial<ConversationReference>>;

/** A 1:1 chat the bot has just reached: what is sent there is seen by that person only. */
export interface PrivateChat {
  /** Sends the activities in order; false when they could not all be delivered. */
  send(activities: readonly Partial<Activity>[]): Promise<boolean>;
}

export interface ChannelCardsDependencies {
  readonly storage: Storage;
  readonly openPersonalChat?: OpenPersonalChat;
  readonly continueConversation?: ContinueConversation;
  /** A message or edit that could not be delivered: logged (never with what it carried). */
  readonly onDeliveryError?: (error: unknown, what: string) => void;
}

export class ChannelCards {
  private readonly viewers: SharedCardViewers;

  constructor(private readonly deps: ChannelCardsDependencies) {
    this.viewers = new SharedCardViewers(deps.storage, deps.onDeliveryError);
  }

  /** Cards here are shared by everyone in the conversation: a channel. */
  isShared(context: TurnContext): boolean {
    return placeOf(context).conversationType === 'channel';
  }

  /**
   * The operators whose clients refresh this conversation's shared cards to their own view: the one
   * acting now first, then those who acted here before, at most Teams' 60. Only called once the
   * clicker passed the operator check, so nobody else is named.
   */
  async remember(context: TurnContext): Promise<readonly string[]> {
    return this.viewers.remember(placeOf(context).conversationId, context.activity.from?.id);
  }

  /** The operators known here, for the card shown to someone who is not one (who is not added). */
  known(context: TurnContext): Promise<readonly string[]> {
    return this.viewers.known(placeOf(context).conversationId);
  }

  /** The card for an operator's own click or refresh: the buttons, with the refresh kept for the others. */
  operatorView(context: TurnContext, refreshFor: readonly string[]): CardView {
    return operatorView(viewOf(context), refreshFor);
  }

  /** The card everyone in the channel sees. */
  sharedView(context: TurnContext, refreshFor: readonly string[]): CardView {
    return readOnlyView(viewOf(context), refreshFor);
  }

  /**
   * Edits the card the click came from (`replyToId`), so everyone sees what the operator just did.
   * The change is made already: an edit that fails is logged, and the operator's own card still says it.
   */
  async updateShared(context: TurnContext, card: Attachment): Promise<void> {
    const id = context.activity.replyToId;
    if (!id) return;
    try {
      await context.updateActivity({ type: 'message', id, attachments: [card] });
    } catch (error) {
      this.deps.onDeliveryError?.(error, 'shared card update');
    }
  }

  /**
   * Reaches the clicker's 1:1 chat with the bot before anything is changed: creating the
   * conversation (Teams answers the one that exists) proves the bot may write to them there. None
   * when it cannot: the app is not installed for them, or the host cannot create conversations.
   */
  async openPrivateChat(context: TurnContext): Promise<PrivateChat | undefined> {
    const address = personalChatAddress(context);
    const { openPersonalChat, continueConversation } = this.deps;
    if (!address || !openPersonalChat || !continueConversation) return undefined;
    let reference: Partial<ConversationReference>;
    try {
      reference = await openPersonalChat(address);
    } catch (error) {
      this.deps.onDeliveryError?.(error, '1:1 chat for a secret');
      return undefined;
    }
    return {
      send: async (activities) => {
        // The adapter hands an error inside a proactive turn to its turn-error handler instead of
        // throwing it here, so delivery is known only from inside the turn.
        let delivered = false;
        let failure: unknown;
        try {
          await continueConversation(reference, async (chat) => {
            try {
              for (const activity of activities) {
                await chat.sendActivity(activity);
              }
              delivered = true;
            } catch (error) {
              failure = error;
            }
          });
        } catch (error) {
          failure = error;
        }
        if (!delivered) this.deps.onDeliveryError?.(failure ?? new Error('not delivered'), 'secret to the 1:1 chat');
        return delivered;
      },
    };
  }
}

/** Who clicked, and where Teams is for them: everything from the activity Teams sent, nothing from the card. */
function personalChatAddress(context: TurnContext): PersonalChatAddress | undefined {
  const { activity } = context;
  const aadObjectId = activity.from?.aadObjectId;
  const tenantId = activity.conversation?.tenantId;
  if (!aadObjectId || !tenantId || !activity.serviceUrl || !activity.recipient?.id) return undefined;
  return {
    serviceUrl: activity.serviceUrl,
    tenantId,
    aadObjectId,
    ...(activity.from?.id ? { userId: activity.from.id } : {}),
    bot: { id: activity.recipient.id, ...(activity.recipient.name ? { name: activity.recipient.name } : {}) },
  };
}
