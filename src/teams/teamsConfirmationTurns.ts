/**
 * The Teams side of "confirmed by the user in Teams": sending the question to the person's 1:1 chat
 * (a proactive message with the chat id Graph gave, through the adapter's `continueConversation`),
 * the operator's answer card when "Yes, do it" asked first, the Yes/No click on the question, and
 * the notice to the operator where they asked. What may happen is `operations/teamsConfirmations.ts`'s call.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
import { TurnContext, type Attachment, type ConversationReference } from 'botbuilder';
import { findingsCard, type CardActionOf } from '../../cards';
import { confirmationAnswerCard, confirmationQuestionCard, confirmationThanksCard } from '../../cards/teamsConfirmation';
import { actorOf, placeOf, viewOf } from '../../dialogs/turn';
import { localeFrom } from '../i18n/catalogue';
import { text } from '../i18n/text';
import type { ConfirmationMessenger, TeamsConfirmations } from '../operations/teamsConfirmations';
import { QUESTION_MINUTES } from '../operations/teamsConfirmations';
import type { TeamsConfirmation } from '../operations/ports';
import type { StepOutcome } from '../operations/runStep';
import { stepLabel } from '../steps/registry';
import type { ConversationAddress } from '../operations/ports';
import type { ContinueConversation } from './proactive';

export class TeamsConfirmationTurns {
  constructor(private readonly confirmations: TeamsConfirmations) {}

  /** "Yes, do it" with "confirmed in Teams" and no answer yet: the question goes out, the operator's card says so. */
  async ask(context: TurnContext, outcome: Extract<StepOutcome, { kind: 'confirmInTeams' }>, cardId: string): Promise<Attachment> {
    const actor = actorOf(context);
    const view = viewOf(context);
    const { offer, target, step, method } = outcome;
    const asked = actor
      ? await this.confirmations.ask({
          operator: { aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId },
          operatorAddress: operatorAddressOf(context),
          locale: view.locale,
          cardId,
          step: { id: step.id, ...(step.itemId ? { itemId: step.itemId } : {}), ...(step.itemName !== undefined ? { itemName: step.itemName } : {}) },
          target: { id: target.id, displayName: target.displayName, userPrincipalName: target.userPrincipalName },
          method,
        })
      : ({ kind: 'notReached' } as const);
    const action = stepLabel(step);
    const banner =
      asked.kind === 'asked'
        ? { tone: 'neutral' as const, text: text('teamsConfirm.sent', { name: asked.confirmation.asked.displayName, action, minutes: QUESTION_MINUTES }) }
        : asked.kind === 'noManager'
          ? { tone: 'attention' as const, text: text('teamsConfirm.noManager', { user: target.displayName }) }
          : asked.kind === 'askedIsOperator'
            ? { tone: 'attention' as const, text: text('teamsConfirm.askedIsOperator', { user: target.displayName }) }
          : { tone: 'attention' as const, text: text('teamsConfirm.notReached', { name: asked.asked?.displayName ?? target.displayName }) };
    return findingsCard({ user: offer.target, diagnosis: offer.diagnosis, cardId, checkedAt: offer.checkedAt, banner }, view);
  }

  /** Yes or No on the question: the card that replaces it, for the person who clicked. */
  async answer(context: TurnContext, action: CardActionOf<'unlock.answerConfirmation'>): Promise<Attachment> {
    const yes = action.answer === 'yes';
    const answered = await this.confirmations.answer(actorOf(context), placeOf(context), action.promptId, yes);
    return confirmationThanksCard(answered.kind === 'gone' ? 'gone' : yes ? 'yes' : 'no', viewOf(context));
  }
}

/**
 * Where the operator hears the answer: the very conversation they clicked in, thread included, so
 * that Continue is clicked where the findings card was offered (a card acts only there).
 */
function operatorAddressOf(context: TurnContext): ConversationAddress {
  const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(context.activity);
  return { conversationId: reference.conversation?.id ?? '', reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown> };
}

export class TeamsConfirmationMessenger implements ConfirmationMessenger {
  constructor(private readonly continueConversation: ContinueConversation) {}

  /**
   * To the chat Graph named, through the Bot Connector of the operator's own activity (same tenant,
   * same service URL); the conversation is the 1:1 chat itself, so only the person asked sees it.
   */
  async ask(confirmation: TeamsConfirmation): Promise<void> {
    const via = confirmation.operatorAddress.reference as Partial<ConversationReference>;
    const tenantId = (via.conversation as { tenantId?: string } | undefined)?.tenantId;
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      ...(via.serviceUrl ? { serviceUrl: via.serviceUrl } : {}),
      ...(via.bot ? { bot: via.bot } : {}),
      conversation: { id: confirmation.chatId, conversationType: 'personal', isGroup: false, name: '', ...(tenantId ? { tenantId } : {}) },
    };
    await this.continueConversation(reference, async (context) => {
      await context.sendActivity({ attachments: [confirmationQuestionCard(confirmation, { locale: localeFrom(confirmation.askedLocale ?? confirmation.locale) })] });
    });
  }

  async tellOperator(confirmation: TeamsConfirmation): Promise<void> {
    await this.continueConversation(confirmation.operatorAddress.reference as Partial<ConversationReference>, async (context) => {
      await context.sendActivity({ attachments: [confirmationAnswerCard(confirmation, { locale: localeFrom(confirmation.locale) })] });
    });
  }
}
